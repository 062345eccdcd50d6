// The organisation diagnostic of DIAGNOSTIC.md: how well the organisation supports its Leaders of
// Leaders. Identifiers are stored with every dated answer: never rename them.

export const DIAGNOSTIC_IDS = [
  'dedicated-programme',
  'role-definition',
  'expectations-communicated',
  'strategy-translation',
  'promotion-criteria',
  'transition-support',
  'leadership-quality',
  'protected-planning-time',
  'capability-plan',
  'executive-feedback-loop',
] as const;
export type DiagnosticId = (typeof DIAGNOSTIC_IDS)[number];

export interface DiagnosticStatement {
  id: DiagnosticId;
  statement: string;
  /** What the statement tests, in two or three words. */
  tests: string;
  /** What Altitude can show beside it as evidence; null when the calendars say nothing about it. */
  evidence: string | null;
}

export const DIAGNOSTIC_STATEMENTS: readonly DiagnosticStatement[] = [
  {
    id: 'dedicated-programme',
    statement: 'We run a development programme dedicated to Leaders of Leaders, not a generic leadership programme that touches this level.',
    tests: 'dedicated development',
    evidence: 'cohorts exist and are active',
  },
  {
    id: 'role-definition',
    statement: "The Leader-of-Leaders role has a written definition of how its work values, time allocation and skills differ from a front-line manager's.",
    tests: 'role precision',
    evidence: null,
  },
  {
    id: 'expectations-communicated',
    statement: 'Expectations of this role (results, how they lead, developing their people, cross-functional contribution) are communicated regularly, not only at promotion.',
    tests: 'expectations',
    evidence: null,
  },
  {
    id: 'strategy-translation',
    statement: "Each Leader of Leaders can state how their unit's work connects to the organisation's top three priorities, and is held accountable for it.",
    tests: 'strategy translation',
    evidence: 'share of strategic time across the cohort',
  },
  {
    id: 'promotion-criteria',
    statement: 'Promotion into the role assesses the ability to lead through others, align competing priorities and think systemically, not only past functional results.',
    tests: 'promotion criteria',
    evidence: null,
  },
  {
    id: 'transition-support',
    statement: 'Newly promoted Leaders of Leaders get structured support in their first 6-12 months: onboarding, a peer mentor, check-ins on the transition itself, and coaching.',
    tests: 'transition support',
    evidence: 'coach engagements with consent',
  },
  {
    id: 'leadership-quality',
    statement: 'Performance reviews at this level include the quality of leadership across the unit, not only its results.',
    tests: 'accountability for leadership quality',
    evidence: 'developmental share across the cohort',
  },
  {
    id: 'protected-planning-time',
    statement: 'Leaders of Leaders spend protected time, several days each quarter, on strategic organisational planning, and it is in the calendar.',
    tests: 'time for unit development',
    evidence: 'share of the cohort with enough protected planning days last quarter',
  },
  {
    id: 'capability-plan',
    statement: 'Each Leader of Leaders produces a forward-looking capability and talent plan for their unit.',
    tests: 'capability and talent planning',
    evidence: 'talent review / succession events in the quarter',
  },
  {
    id: 'executive-feedback-loop',
    statement: 'There is a structured feedback loop between Leaders of Leaders and the executive team: quarterly reviews, skip-level conversations, strategy translation workshops.',
    tests: 'feedback loop',
    evidence: null,
  },
];

export type DiagnosticBandId = 'ahead' | 'some-support' | 'significant-gap';

export interface DiagnosticBand {
  id: DiagnosticBandId;
  label: string;
  description: string;
}

export const DIAGNOSTIC_BANDS: Record<DiagnosticBandId, DiagnosticBand> = {
  ahead: { id: 'ahead', label: '8 or more: ahead of most', description: 'The organisation is ahead of most.' },
  'some-support': { id: 'some-support', label: '5 to 7: some support, clear gaps', description: 'Some support exists, with clear gaps.' },
  'significant-gap': {
    id: 'significant-gap',
    label: 'Fewer than 5: significant gap',
    description:
      'The gap between how important this role is and what the organisation invests in it is significant, and likely costing more than it seems.',
  },
};

/** Count the checked statements. */
export function scoreDiagnostic(answers: Partial<Record<DiagnosticId, boolean>>): number {
  return DIAGNOSTIC_IDS.filter((id) => answers[id] === true).length;
}

/** 8 or more: ahead of most; 5 to 7: some support with clear gaps; fewer than 5: significant gap. */
export function bandOf(score: number): DiagnosticBand {
  if (score >= 8) return DIAGNOSTIC_BANDS.ahead;
  if (score >= 5) return DIAGNOSTIC_BANDS['some-support'];
  return DIAGNOSTIC_BANDS['significant-gap'];
}
