import type { LeaderProfile } from './calendar-options.ts';
import type { CategoryId } from './event-model.ts';

// How each kind of leader spends the week. The one-off mix and the standing series together
// decide the category shares; the numbers were tuned by generating calendars and measuring
// the intended shares (balanced lands at roughly 15-25% strategic).

export interface ProfileSettings {
  /** Relative weight of each category among one-off meetings. */
  oneOffMix: Readonly<Record<CategoryId, number>>;
  /** Share of one-offs that are deliberately unplaceable ('Sync', 'Focus time'). */
  ambiguousShare: number;
  oneOnOneMinutes: number;
  /** Share of direct reports met weekly; the rest are biweekly. */
  weeklyOneOnOneShare: number;
  /** Share of 1:1 series whose title says it is a status meeting. */
  statusOneOnOneShare: number;
  hasStandUp: boolean;
  hasEscalationReview: boolean;
  strategicBlock: 'weekly' | 'biweekly' | 'none';
  hasPortfolioReview: boolean;
  peerSyncSeries: number;
  hasSkipLevelRound: boolean;
  hasMentoring: boolean;
  hasOwnCoaching: boolean;
  hasWorkforceReview: boolean;
  /** Planning days per full quarter: [min, max]. */
  planningDaysPerQuarter: readonly [number, number];
  /** Chance that a quarter gets its planning days at all. */
  planningQuarterChance: number;
  offsitesPerYear: number;
  conferencesPerYear: number;
  trainingModulesPerYear: number;
  doubleBookingsPerMonth: number;
  focusOverlapsPerMonth: number;
  /** Share of invitations the leader declines. */
  declineShare: number;
  /** Share of one-offs that end up cancelled. */
  cancelShare: number;
}

const BASE: ProfileSettings = {
  oneOffMix: { operational: 36, strategic: 15, developmental: 16, 'cross-functional': 20, 'organisational-planning': 10 },
  ambiguousShare: 0.05,
  oneOnOneMinutes: 45,
  weeklyOneOnOneShare: 0.6,
  statusOneOnOneShare: 0,
  hasStandUp: false,
  hasEscalationReview: false,
  strategicBlock: 'weekly',
  hasPortfolioReview: true,
  peerSyncSeries: 2,
  hasSkipLevelRound: true,
  hasMentoring: true,
  hasOwnCoaching: true,
  hasWorkforceReview: false,
  planningDaysPerQuarter: [1, 3],
  planningQuarterChance: 0.9,
  offsitesPerYear: 2,
  conferencesPerYear: 1,
  trainingModulesPerYear: 3,
  doubleBookingsPerMonth: 2,
  focusOverlapsPerMonth: 1,
  declineShare: 0.04,
  cancelShare: 0.025,
};

export const PROFILE_SETTINGS: Readonly<Record<LeaderProfile, ProfileSettings>> = {
  balanced: BASE,
  operational: {
    ...BASE,
    oneOffMix: { operational: 62, strategic: 5, developmental: 10, 'cross-functional': 17, 'organisational-planning': 6 },
    oneOnOneMinutes: 30,
    weeklyOneOnOneShare: 1,
    statusOneOnOneShare: 0.6,
    hasStandUp: true,
    strategicBlock: 'none',
    hasPortfolioReview: false,
    peerSyncSeries: 1,
    hasSkipLevelRound: false,
    hasMentoring: false,
    hasOwnCoaching: false,
    planningDaysPerQuarter: [0, 1],
    planningQuarterChance: 0.25,
    offsitesPerYear: 1,
    trainingModulesPerYear: 1,
    doubleBookingsPerMonth: 4,
  },
  firefighter: {
    ...BASE,
    oneOffMix: { operational: 68, strategic: 4, developmental: 8, 'cross-functional': 15, 'organisational-planning': 5 },
    oneOnOneMinutes: 30,
    weeklyOneOnOneShare: 0.5,
    statusOneOnOneShare: 0.4,
    hasStandUp: true,
    hasEscalationReview: true,
    strategicBlock: 'none',
    hasPortfolioReview: false,
    peerSyncSeries: 1,
    hasSkipLevelRound: false,
    hasMentoring: false,
    hasOwnCoaching: false,
    planningDaysPerQuarter: [0, 1],
    planningQuarterChance: 0.15,
    offsitesPerYear: 0,
    trainingModulesPerYear: 1,
    doubleBookingsPerMonth: 7,
    focusOverlapsPerMonth: 2,
    declineShare: 0.07,
    cancelShare: 0.05,
  },
  strategic: {
    ...BASE,
    oneOffMix: { operational: 24, strategic: 34, developmental: 14, 'cross-functional': 18, 'organisational-planning': 10 },
    strategicBlock: 'weekly',
    planningDaysPerQuarter: [1, 3],
    offsitesPerYear: 4,
    conferencesPerYear: 2,
  },
  planner: {
    ...BASE,
    oneOffMix: { operational: 30, strategic: 14, developmental: 14, 'cross-functional': 16, 'organisational-planning': 26 },
    strategicBlock: 'biweekly',
    hasWorkforceReview: true,
    planningDaysPerQuarter: [3, 4],
    planningQuarterChance: 1,
  },
  developer: {
    ...BASE,
    oneOffMix: { operational: 28, strategic: 12, developmental: 36, 'cross-functional': 14, 'organisational-planning': 10 },
    oneOnOneMinutes: 60,
    weeklyOneOnOneShare: 1,
    strategicBlock: 'biweekly',
    planningDaysPerQuarter: [1, 2],
    conferencesPerYear: 2,
    trainingModulesPerYear: 5,
  },
  networker: {
    ...BASE,
    oneOffMix: { operational: 28, strategic: 12, developmental: 12, 'cross-functional': 40, 'organisational-planning': 8 },
    weeklyOneOnOneShare: 0.4,
    strategicBlock: 'biweekly',
    peerSyncSeries: 4,
    planningDaysPerQuarter: [0, 2],
    conferencesPerYear: 3,
  },
};
