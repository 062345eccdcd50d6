import type { ImportCountsView, RemovedSourceView, SourceView } from '../../shared/sources.ts';
import { call, type ImportIssue } from './api.ts';

export type { LastImportView, RemovedSourceView, SourceView } from '../../shared/sources.ts';

/** One stored import as the history gives it (times in milliseconds). */
export interface ImportRecord extends ImportCountsView {
  id: number;
  source: string;
  fileName: string | null;
  importedAt: number;
  windowFrom: string;
  windowTo: string;
  calendarZone: string;
  blocks: number;
  instances: number;
}

export interface ImportReport extends ImportRecord {
  issues: ImportIssue[];
}

const leaderPath = (leaderId: number) => `/api/leaders/${leaderId}`;

/** A leader's calendars and their import history. */
export const sourcesApi = {
  list: (leaderId: number) => call<{ sources: SourceView[] }>('GET', `${leaderPath(leaderId)}/sources`).then((r) => r.sources),
  remove: (leaderId: number, sourceId: number) => call<{ removed: RemovedSourceView }>('DELETE', `${leaderPath(leaderId)}/sources/${sourceId}`).then((r) => r.removed),
  imports: (leaderId: number) => call<{ imports: ImportRecord[] }>('GET', `${leaderPath(leaderId)}/imports`).then((r) => r.imports),
  importReport: (leaderId: number, importId: number) => call<{ import: ImportReport }>('GET', `${leaderPath(leaderId)}/imports/${importId}`).then((r) => r.import),
};
