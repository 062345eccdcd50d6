import type { Role } from './api.ts';
import { clientsView } from './views/clients-view.ts';
import { cohortChartsView } from './views/cohort-charts-view.ts';
import { cohortsView } from './views/cohorts-view.ts';
import { compareView } from './views/compare-view.ts';
import { complianceView } from './views/compliance-view.ts';
import { dashboardView } from './views/dashboard-view.ts';
import { diagnosticView } from './views/diagnostic-view.ts';
import { eventsView } from './views/events-view.ts';
import { importView } from './views/import-view.ts';
import { notesView } from './views/notes-view.ts';
import { printView } from './views/print-view.ts';
import { rulesView } from './views/rules-view.ts';
import { settingsView } from './views/settings-view.ts';
import { usersView } from './views/users-view.ts';
import { sharingView } from './views/sharing-view.ts';
import { yourDataView } from './views/your-data-panel.ts';
import type { View } from './views/view.ts';

export interface Page {
  id: string;
  label: string;
  view: View;
  /** Who sees it in the navigation and may open it. */
  roles: Role[];
  /** Left out of the navigation (reached by links), still routable. */
  hidden?: boolean;
}

/**
 * Every page of the app, in navigation order. Each role sees its own set: a leader their audit,
 * a coach their clients' audits, HR its cohorts (never a leader's own pages), an administrator
 * the accounts.
 */
export const PAGES: Page[] = [
  { id: 'dashboard', label: 'Dashboard', view: dashboardView, roles: ['leader', 'coach'] },
  { id: 'events', label: 'Events', view: eventsView, roles: ['leader', 'coach'] },
  { id: 'rules', label: 'Rules', view: rulesView, roles: ['leader', 'coach'] },
  { id: 'import', label: 'Import', view: importView, roles: ['leader'] },
  { id: 'clients', label: 'Clients', view: clientsView, roles: ['coach'] },
  { id: 'compare', label: 'Compare', view: compareView, roles: ['leader', 'coach'] },
  { id: 'notes', label: 'Notes', view: notesView, roles: ['leader', 'coach'] },
  { id: 'print', label: 'Report', view: printView, roles: ['leader', 'coach'] },
  { id: 'compliance', label: 'Compliance', view: complianceView, roles: ['hr'] },
  { id: 'cohort-charts', label: 'Cohort charts', view: cohortChartsView, roles: ['hr'] },
  { id: 'cohorts', label: 'Cohorts', view: cohortsView, roles: ['hr'] },
  { id: 'diagnostic', label: 'Diagnostic', view: diagnosticView, roles: ['hr'] },
  { id: 'sharing', label: 'Sharing', view: sharingView, roles: ['leader'] },
  { id: 'settings', label: 'Settings', view: settingsView, roles: ['leader'] },
  { id: 'users', label: 'Accounts', view: usersView, roles: ['admin'] },
  { id: 'account', label: 'Your data', view: yourDataView, roles: ['leader', 'coach', 'hr', 'admin'], hidden: true },
];

/** The page a role lands on. */
export const HOME: Record<Role, string> = { leader: 'dashboard', coach: 'clients', hr: 'compliance', admin: 'users' };
