// The five categories, the two extra placements and the flag codes of TAXONOMY.md.
// Identifiers are part of the API, the CLI's JSON and the database: never rename them.

export const CATEGORY_IDS = [
  'operational',
  'strategic',
  'developmental',
  'cross-functional',
  'organisational-planning',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** Work time: the five categories plus `unclassified`. Shares are fractions of this. */
export const COUNTED_IDS = [...CATEGORY_IDS, 'unclassified'] as const;
export type CountedId = (typeof COUNTED_IDS)[number];

/** Every value an event's category can take. */
export const PLACEMENT_IDS = [...COUNTED_IDS, 'excluded'] as const;
export type Placement = (typeof PLACEMENT_IDS)[number];

/** What a rule or a manual decision may assign: a category or `excluded` (never `unclassified`). */
export const ASSIGNABLE_IDS = [...CATEGORY_IDS, 'excluded'] as const;
export type Assignable = (typeof ASSIGNABLE_IDS)[number];

export const EXCLUSION_REASONS = [
  'declined',
  'cancelled',
  'free',
  'personal',
  'out-of-office',
  'travel',
  'other',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface CategoryInfo {
  id: Placement;
  label: string;
  question: string;
}

export const CATEGORY_INFO: Record<Placement, CategoryInfo> = {
  operational: { id: 'operational', label: 'Operational', question: 'Am I running today’s business?' },
  strategic: {
    id: 'strategic',
    label: 'Strategic',
    question: 'Am I setting direction and translating strategy into priorities?',
  },
  developmental: { id: 'developmental', label: 'Developmental', question: 'Am I developing leaders, including myself?' },
  'cross-functional': {
    id: 'cross-functional',
    label: 'Cross-functional',
    question: 'Am I leading across units I don’t control?',
  },
  'organisational-planning': {
    id: 'organisational-planning',
    label: 'Organisational planning',
    question: 'Am I building the unit for the future?',
  },
  unclassified: {
    id: 'unclassified',
    label: 'Unclassified',
    question: 'Work time that no rule could place: needs a decision.',
  },
  excluded: {
    id: 'excluded',
    label: 'Excluded',
    question: 'Not work time or not attended: never counted in shares.',
  },
};

export const EXCLUSION_LABELS: Record<ExclusionReason, string> = {
  declined: 'declined by the leader',
  cancelled: 'cancelled',
  free: 'marked free (does not block time)',
  personal: 'personal time',
  'out-of-office': 'out of office or holiday',
  travel: 'travel or commute',
  other: 'not work time (other)',
};

export const FLAG_CODES = ['low-strategic-share', 'missing-planning-days'] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export function isCategoryId(value: string): value is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(value);
}
