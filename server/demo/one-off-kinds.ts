import type { LeaderProfile } from './calendar-options.ts';
import type { CategoryId } from './event-model.ts';
import type { TitleKey } from './vocabulary.ts';

// The menu of one-off entries, one row per kind of meeting: who attends, how long it runs,
// and how often the leader is the one who sent the invitation.

export type ParticipantPattern =
  | 'solo'
  | 'direct'
  | 'directs'
  | 'unit'
  | 'skip'
  | 'peer'
  | 'peers'
  | 'exec'
  | 'hr'
  | 'finance'
  | 'vendor'
  | 'partner'
  | 'customer'
  | 'mentee'
  | 'council';

export interface OneOffKind {
  titleKey: TitleKey;
  intent: CategoryId | 'unclassified';
  participants: ParticipantPattern;
  /** [minutes, weight] */
  durations: readonly (readonly [number, number])[];
  leaderOrganises: number;
  weight: number;
  /** Multipliers on `weight` for profiles that lean on this kind. */
  profileBoost?: Partial<Record<LeaderProfile, number>>;
}

export const ONE_OFF_KINDS: readonly OneOffKind[] = [
  // operational
  { titleKey: 'statusUpdate', intent: 'operational', participants: 'unit', durations: [[15, 1], [30, 5], [45, 2], [60, 2]], leaderOrganises: 0.2, weight: 5 },
  { titleKey: 'projectReview', intent: 'operational', participants: 'unit', durations: [[45, 2], [60, 5], [90, 2]], leaderOrganises: 0.25, weight: 4 },
  { titleKey: 'incidentCall', intent: 'operational', participants: 'unit', durations: [[15, 1], [30, 4], [45, 2], [60, 3]], leaderOrganises: 0.1, weight: 1.5, profileBoost: { firefighter: 4, operational: 1.8 } },
  { titleKey: 'escalationCall', intent: 'operational', participants: 'customer', durations: [[30, 5], [45, 1], [60, 2]], leaderOrganises: 0.3, weight: 1.5, profileBoost: { firefighter: 3.5, operational: 1.5 } },
  { titleKey: 'approval', intent: 'operational', participants: 'directs', durations: [[15, 3], [30, 5]], leaderOrganises: 0.3, weight: 2, profileBoost: { operational: 1.6, firefighter: 1.3 } },
  { titleKey: 'forecastCheck', intent: 'operational', participants: 'finance', durations: [[30, 4], [60, 3]], leaderOrganises: 0.3, weight: 1.5 },
  { titleKey: 'vendorCall', intent: 'operational', participants: 'vendor', durations: [[30, 3], [45, 2], [60, 3]], leaderOrganises: 0.2, weight: 2 },
  { titleKey: 'operationalHold', intent: 'operational', participants: 'solo', durations: [[30, 3], [60, 4], [90, 1]], leaderOrganises: 1, weight: 1 },
  { titleKey: 'inboxAdmin', intent: 'operational', participants: 'solo', durations: [[30, 4], [60, 3]], leaderOrganises: 1, weight: 1.2 },
  // strategic
  { titleKey: 'strategySession', intent: 'strategic', participants: 'directs', durations: [[60, 2], [90, 3], [120, 3]], leaderOrganises: 0.45, weight: 3 },
  { titleKey: 'prioritySetting', intent: 'strategic', participants: 'directs', durations: [[60, 3], [90, 3], [120, 1]], leaderOrganises: 0.5, weight: 2 },
  { titleKey: 'okrSetting', intent: 'strategic', participants: 'directs', durations: [[60, 2], [90, 3], [120, 2]], leaderOrganises: 0.45, weight: 1.5 },
  { titleKey: 'boardPrep', intent: 'strategic', participants: 'exec', durations: [[60, 3], [90, 2]], leaderOrganises: 0.25, weight: 1.5 },
  { titleKey: 'strategyTranslation', intent: 'strategic', participants: 'unit', durations: [[90, 2], [120, 3]], leaderOrganises: 0.6, weight: 1.5 },
  { titleKey: 'execDirection', intent: 'strategic', participants: 'exec', durations: [[60, 2], [90, 3], [120, 2]], leaderOrganises: 0.1, weight: 1.5 },
  { titleKey: 'strategyHold', intent: 'strategic', participants: 'solo', durations: [[60, 3], [90, 3], [120, 2]], leaderOrganises: 1, weight: 2 },
  // developmental
  { titleKey: 'coachingConversation', intent: 'developmental', participants: 'direct', durations: [[30, 2], [45, 3], [60, 4]], leaderOrganises: 0.7, weight: 3 },
  { titleKey: 'feedbackConversation', intent: 'developmental', participants: 'direct', durations: [[30, 4], [45, 3], [60, 2]], leaderOrganises: 0.7, weight: 2.5 },
  { titleKey: 'careerConversation', intent: 'developmental', participants: 'direct', durations: [[45, 3], [60, 4]], leaderOrganises: 0.45, weight: 2 },
  { titleKey: 'skipLevel', intent: 'developmental', participants: 'skip', durations: [[30, 4], [45, 3], [60, 2]], leaderOrganises: 0.7, weight: 2.5 },
  { titleKey: 'mentoring', intent: 'developmental', participants: 'mentee', durations: [[45, 2], [60, 3]], leaderOrganises: 0.5, weight: 1 },
  // cross-functional
  { titleKey: 'peerSync', intent: 'cross-functional', participants: 'peer', durations: [[30, 4], [45, 2], [60, 3]], leaderOrganises: 0.3, weight: 3 },
  { titleKey: 'steeringCommittee', intent: 'cross-functional', participants: 'peers', durations: [[60, 4], [90, 3]], leaderOrganises: 0.2, weight: 1.5 },
  { titleKey: 'valueChainPartner', intent: 'cross-functional', participants: 'partner', durations: [[60, 4], [90, 2]], leaderOrganises: 0.3, weight: 2 },
  { titleKey: 'dependencySync', intent: 'cross-functional', participants: 'peer', durations: [[30, 3], [45, 3], [60, 2]], leaderOrganises: 0.3, weight: 3 },
  { titleKey: 'jointInitiative', intent: 'cross-functional', participants: 'peers', durations: [[60, 3], [90, 3], [120, 1]], leaderOrganises: 0.3, weight: 1.5 },
  { titleKey: 'worksCouncil', intent: 'cross-functional', participants: 'council', durations: [[60, 4], [90, 2]], leaderOrganises: 0.3, weight: 0.7 },
  // organisational planning
  { titleKey: 'talentReview', intent: 'organisational-planning', participants: 'hr', durations: [[60, 2], [90, 3], [120, 3]], leaderOrganises: 0.35, weight: 2 },
  { titleKey: 'successionPlanning', intent: 'organisational-planning', participants: 'hr', durations: [[60, 3], [90, 3]], leaderOrganises: 0.35, weight: 1.5 },
  { titleKey: 'calibration', intent: 'organisational-planning', participants: 'hr', durations: [[90, 3], [120, 3]], leaderOrganises: 0.3, weight: 1.2 },
  { titleKey: 'capabilityAssessment', intent: 'organisational-planning', participants: 'directs', durations: [[60, 3], [90, 3]], leaderOrganises: 0.5, weight: 1.5 },
  { titleKey: 'orgDesign', intent: 'organisational-planning', participants: 'directs', durations: [[60, 1], [90, 3], [120, 3]], leaderOrganises: 0.6, weight: 1.5 },
  { titleKey: 'headcountPlanning', intent: 'organisational-planning', participants: 'finance', durations: [[60, 4], [90, 2]], leaderOrganises: 0.4, weight: 1.5 },
  { titleKey: 'planningHold', intent: 'organisational-planning', participants: 'solo', durations: [[60, 2], [90, 3], [120, 3]], leaderOrganises: 1, weight: 1.5 },
  // nobody can place these without asking the leader
  { titleKey: 'ambiguousMeeting', intent: 'unclassified', participants: 'peer', durations: [[15, 3], [30, 5], [45, 1]], leaderOrganises: 0.35, weight: 1 },
  { titleKey: 'ambiguousMeeting', intent: 'unclassified', participants: 'direct', durations: [[15, 3], [30, 5]], leaderOrganises: 0.35, weight: 1 },
  { titleKey: 'ambiguousSolo', intent: 'unclassified', participants: 'solo', durations: [[60, 3], [90, 2], [120, 3]], leaderOrganises: 1, weight: 1.2 },
];

