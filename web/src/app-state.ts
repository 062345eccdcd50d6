import { api, type Leader, type Taxonomy, type User, type Vocabulary } from './api.ts';
import { periodFor, todayIn, type Period, type PeriodPreset } from './periods.ts';

/** What every view shares: the leaders, the one being looked at, the chosen period. */
export interface AppState {
  user: User;
  leaders: Leader[];
  leader: Leader | null;
  taxonomy: Taxonomy;
  vocabulary: Vocabulary;
  preset: PeriodPreset;
  period: Period;
}

const LEADER_KEY = 'altitude.leaderId';
const PERIOD_KEY = 'altitude.period';

export async function loadState(user: User): Promise<AppState> {
  const [leaders, taxonomy, vocabulary] = await Promise.all([api.leaders(), api.taxonomy(), api.vocabulary()]);
  const remembered = Number(localStorage.getItem(LEADER_KEY));
  const leader = leaders.find((l) => l.id === remembered) ?? leaders[0] ?? null;
  const stored = readStoredPeriod();
  const state: AppState = { user, leaders, leader, taxonomy, vocabulary, preset: stored?.preset ?? 'last-12-months', period: stored?.period ?? { from: '', to: '' } };
  if (state.preset !== 'custom') state.period = periodFor(state.preset, todayIn(leaderZone(state)));
  return state;
}

/** Whether the user may change the shown leader's placements (rules, categories). */
export function canEdit(state: AppState): boolean {
  return state.leader?.access === 'owner' || state.leader?.access === 'coach-edit';
}

/** Whether the shown leader is the user's own profile (import, settings). */
export function isOwner(state: AppState): boolean {
  return state.leader?.access === 'owner';
}

export function leaderZone(state: AppState): string {
  return state.leader?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function selectLeader(state: AppState, leaderId: number): void {
  state.leader = state.leaders.find((l) => l.id === leaderId) ?? state.leader;
  if (state.leader) localStorage.setItem(LEADER_KEY, String(state.leader.id));
  refreshPeriod(state);
}

/** A preset ("this quarter") means other dates in another zone: recompute after a zone change. */
export function refreshPeriod(state: AppState): void {
  if (state.preset !== 'custom') state.period = periodFor(state.preset, todayIn(leaderZone(state)));
}

export function choosePeriod(state: AppState, preset: PeriodPreset, custom?: Period): void {
  state.preset = preset;
  state.period = preset === 'custom' && custom ? custom : periodFor(preset === 'custom' ? 'last-12-months' : preset, todayIn(leaderZone(state)));
  localStorage.setItem(PERIOD_KEY, JSON.stringify({ preset, period: state.period }));
}

function readStoredPeriod(): { preset: PeriodPreset; period: Period } | null {
  try {
    const value = JSON.parse(localStorage.getItem(PERIOD_KEY) ?? 'null') as { preset: PeriodPreset; period: Period } | null;
    return value && typeof value.preset === 'string' ? value : null;
  } catch {
    return null;
  }
}
