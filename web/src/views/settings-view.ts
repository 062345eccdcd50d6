import { api } from '../api.ts';
import { refreshPeriod, type AppState } from '../app-state.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { announce } from './announce.ts';
import { noLeaderNotice } from './no-leader.ts';
import type { View } from './view.ts';
import { yourDataPanel } from './your-data-panel.ts';

/** The leader's zone, the counting numbers and who counts as inside the unit. */
export const settingsView: View = (root, state) => {
  const leader = state.leader;
  if (!leader) {
    replaceChildren(root, h('h1', {}, 'Settings'), noLeaderNotice(state), yourDataPanel(state));
    return;
  }
  const s = leader.settings;
  const zones = h('datalist', { id: 'zones' }, ...Intl.supportedValuesOf('timeZone').map((zone) => h('option', { value: zone })));
  const name = h('input', { id: 'set-name', value: leader.name ?? '' });
  const zone = h('input', { id: 'set-zone', list: 'zones', value: leader.timeZone ?? '', placeholder: 'Europe/Berlin' });
  const day = h('input', { id: 'set-day', type: 'number', min: 1, max: 24, step: 0.25, value: (s.workingDayMinutes ?? 480) / 60 });
  const share = h('input', { id: 'set-share', type: 'number', min: 0, max: 100, step: 1, value: Math.round((s.strategicShareMin ?? 0.2) * 100) });
  const days = h('input', { id: 'set-days', type: 'number', min: 0, max: 92, step: 1, value: s.planningDaysPerQuarter ?? 3 });
  const planningHours = h('input', { id: 'set-planning-hours', type: 'number', min: 0.5, max: 24, step: 0.25, value: (s.planningDayMinutes ?? 360) / 60 });
  const domains = h('input', { id: 'set-domains', value: (s.unitDomains ?? []).join(', '), placeholder: 'your domain by default' });
  const members = h('textarea', { id: 'set-members', rows: 4, placeholder: 'one e-mail address per line' });
  members.value = (s.unitMembers ?? []).join('\n');
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });

  const field = (id: string, label: string, input: HTMLElement, note?: string) =>
    h('div', { class: 'field' }, h('label', { for: id }, label), input, note ? h('p', { class: 'panel-note' }, note) : null);

  const form = h(
    'form',
    { class: 'panel settings', 'aria-label': 'Settings' },
    field('set-name', 'Name', name),
    field('set-zone', 'Time zone', zone, 'Days, weeks and quarters are counted in this zone.'),
    zones,
    h(
      'fieldset',
      {},
      h('legend', {}, 'Counting and flags'),
      field('set-day', 'Working day (hours)', day, 'What an all-day work event counts for.'),
      field('set-share', 'Strategic share target (%)', share, 'When strategic time falls below this share of counted time, the dashboard shows a warning.'),
      field('set-days', 'Protected planning days per quarter', days, 'Fewer than this in a quarter, and the dashboard shows a warning for that quarter.'),
      field('set-planning-hours', 'Hours that make a planning day', planningHours, 'Organisational-planning time on one day that counts as a protected planning day.'),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Your unit'),
      h('p', { class: 'panel-note' }, 'Meetings mostly with people outside your unit count as cross-functional. By default your unit is everyone with your e-mail domain; in a large company, list your unit instead.'),
      field('set-domains', 'Unit e-mail domains (comma-separated)', domains),
      field('set-members', 'Unit members', members),
    ),
    error,
    h('button', { type: 'submit' }, 'Save settings'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.hidden = true;
    const list = (text: string, separator: RegExp) => text.split(separator).map((v) => v.trim()).filter(Boolean);
    void (async () => {
      try {
        const updated = await api.updateLeader(leader.id, {
          name: name.value.trim() || null,
          ...(zone.value.trim() ? { timeZone: zone.value.trim() } : {}),
          settings: {
            workingDayMinutes: Math.round(Number(day.value) * 60),
            strategicShareMin: Number(share.value) / 100,
            planningDaysPerQuarter: Number(days.value),
            planningDayMinutes: Math.round(Number(planningHours.value) * 60),
            unitDomains: list(domains.value, /[,\s]+/),
            unitMembers: list(members.value, /[\n,;]+/),
          },
        });
        Object.assign(leader, updated);
        // "This quarter" means other dates in another zone.
        refreshPeriod(state);
        document.dispatchEvent(new CustomEvent('leaders-changed'));
        announce('Settings saved. The figures now use them.');
      } catch (failure) {
        error.textContent = (failure as Error).message;
        error.hidden = false;
      }
    })();
  });
  replaceChildren(root, h('div', { class: 'page-heading' }, h('h1', {}, 'Settings')), form, yourDataPanel(state));
};
