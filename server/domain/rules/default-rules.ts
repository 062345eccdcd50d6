import type { Condition, Rule, RuleStage } from '../../../shared/rules.ts';
import type { Assignable, ExclusionReason } from '../../../shared/taxonomy.ts';
import * as words from './default-vocabulary.ts';

/**
 * The default rules, following TAXONOMY.md: its lenses in order, the first that fits decides.
 *   1. excluded (priority 10-99): declined, cancelled, free and shown as away are facts about
 *      attendance and run before everything, the user's rules included; personal, holiday and
 *      travel entries are read from solo entries' titles and run after the user's rules;
 *   2. an explicit calendar category (100-199);
 *   3. what the time is for (200-299): the unit's future, then direction, then a person's growth;
 *   4. who it is with (300-399): governance bodies, other units, the leader's own suppliers and customers;
 *   5. running today's business (400-499).
 * Anything no rule places stays `unclassified` ("needs a decision"). A user's rules run before
 * these in each stage, so every one of them can be overridden.
 */
export const DEFAULT_RULES: readonly Rule[] = [
  // Lens 1: not work time, or not attended.
  exclude('exclude-declined', 'Declined by the leader', 10, 'declined', [is('myResponse', 'declined')]),
  exclude('exclude-cancelled', 'Cancelled', 20, 'cancelled', [is('status', 'cancelled')]),
  exclude('exclude-cancelled-title', 'Cancelled (title says so)', 21, 'cancelled', [matches('title', words.CANCELLED_PREFIX)]),
  exclude('exclude-free', 'Marked free', 30, 'free', [is('showAs', 'free'), { field: 'allDay', op: 'is', value: false }]),
  // Calendars create all-day entries as "free" by default, planning days and offsites included:
  // an all-day entry marked free is excluded unless its title says it is a working day.
  exclude('exclude-free-all-day', 'Marked free (all-day, not a working day)', 31, 'free', [
    is('showAs', 'free'),
    { field: 'allDay', op: 'is', value: true },
    { field: 'title', op: 'not-mentions', value: words.WORK_DAY },
  ]),
  exclude('exclude-out-of-office', 'Out of office (shown as away)', 40, 'out-of-office', [is('showAs', 'out-of-office')]),

  // Lens 1, read from the title: personal time, holidays, travel. These are solo entries (a
  // meeting titled "Travel policy review" is work), and they run after the user's own rules,
  // so a user can claim any of them ("Drive strategy" is not a drive).
  classifyAway('exclude-out-of-office-title', 'Out of office or holiday', 41, 'out-of-office', [mentions('title', words.OUT_OF_OFFICE)]),
  classifyAway('exclude-personal', 'Personal appointment', 50, 'personal', [mentions('title', words.PERSONAL)]),
  classifyAway('exclude-personal-prefix', 'Personal (title starts so)', 51, 'personal', [matches('title', words.PERSONAL_PREFIX)]),
  classifyAway('exclude-meal-alone', 'Meal break', 52, 'personal', [mentions('title', words.MEALS)]),
  classifyAway('exclude-travel', 'Travel or commute', 60, 'travel', [matches('title', words.TRAVEL_PREFIX)]),
  classifyAway('exclude-travel-place', 'Travel or commute (place)', 61, 'travel', [mentions('title', words.TRAVEL)]),
  classifyAway('exclude-working-location', 'Working-location marker', 70, 'other', [mentions('title', words.WORKING_LOCATION)]),

  // Lens 2: an explicit calendar category (Outlook colour categories, Apple/Google labels).
  classify('category-organisational-planning', 'Calendar category: organisational planning', 100, 'organisational-planning', [
    isOneOf('categories', words.CATEGORY_LABELS['organisational-planning']),
  ]),
  classify('category-strategic', 'Calendar category: strategic', 101, 'strategic', [isOneOf('categories', words.CATEGORY_LABELS.strategic)]),
  classify('category-developmental', 'Calendar category: developmental', 102, 'developmental', [
    isOneOf('categories', words.CATEGORY_LABELS.developmental),
  ]),
  classify('category-cross-functional', 'Calendar category: cross-functional', 103, 'cross-functional', [
    isOneOf('categories', words.CATEGORY_LABELS['cross-functional']),
  ]),
  classify('category-operational', 'Calendar category: operational', 104, 'operational', [isOneOf('categories', words.CATEGORY_LABELS.operational)]),

  // Lens 3: what the time is for. The unit's future comes first: "succession strategy" builds
  // the unit, "career conversation" develops a person.
  classify('purpose-unit-talent-and-design', 'Talent, succession, capability, organisation design', 200, 'organisational-planning', [
    mentions('title', words.UNIT_FUTURE),
  ]),
  classify('purpose-planning-day', 'Planning day', 210, 'organisational-planning', [mentions('title', words.PLANNING_DAY)]),
  classify('purpose-planning-block', 'Planning block without further description', 211, 'organisational-planning', [
    matches('title', words.PLANNING_ONLY),
  ]),
  classify('purpose-progress-tracking', 'Tracking progress against goals (a status update)', 220, 'operational', [
    mentions('title', words.GOAL_WORDS),
    mentions('title', words.PROGRESS_WORDS),
  ]),
  classify('purpose-direction', 'Strategy, priorities, offsites, OKRs', 230, 'strategic', [mentions('title', words.DIRECTION)]),
  // A 1:1 is two people; with someone from another unit it is a peer meeting (lens 4).
  classify('purpose-one-on-one-status', '1:1 that is a status update', 250, 'operational', [
    matches('title', words.ONE_ON_ONE),
    { field: 'attendeeCount', op: 'at-most', value: 1 },
    mentions('title', ['status', 'update', 'report', 'statusupdate', 'suivi', 'seguimiento', 'avancement', 'estado']),
  ]),
  classify('purpose-one-on-one', '1:1 with a direct report', 251, 'developmental', [
    matches('title', words.ONE_ON_ONE),
    { field: 'attendeeCount', op: 'at-most', value: 1 },
    { field: 'outsideShare', op: 'at-most', value: 0.5 },
  ]),
  classify('purpose-development', 'Coaching, feedback, career, learning', 260, 'developmental', [
    mentions('title', words.DEVELOPMENT),
    { field: 'title', op: 'not-mentions', value: words.CUSTOMER_SIDE },
  ]),
  classify('purpose-onboarding', 'Onboarding a new manager', 261, 'developmental', [
    mentions('title', words.ONBOARDING),
    { field: 'title', op: 'not-mentions', value: words.CUSTOMER_SIDE },
  ]),

  // Lens 4: who it is with.
  classify('who-governance', 'Cross-unit governance body (committee, council, forum)', 300, 'cross-functional', [
    mentions('title', words.GOVERNANCE),
  ]),
  classify('who-across-units', 'Alignment with peers, stakeholders, partners', 310, 'cross-functional', [mentions('title', words.ACROSS_UNITS)]),
  classify('who-alignment-with-other-units', 'Alignment or sync with other units', 315, 'cross-functional', [
    mentions('title', words.ALIGNMENT),
    { field: 'outsideShare', op: 'greater-than', value: 0 },
  ]),
  classify('who-own-suppliers-and-customers', 'The unit’s own suppliers and customers', 320, 'operational', [
    mentions('title', words.SUPPLIERS_AND_CUSTOMERS),
  ]),
  classify('who-own-customers-category', 'Calendar category names a customer or supplier', 321, 'operational', [
    mentions('categories', words.CUSTOMER_CATEGORIES),
  ]),
  classify('who-mostly-outside-unit', 'Most attendees are outside the unit', 330, 'cross-functional', [
    { field: 'outsideShare', op: 'greater-than', value: 0.5 },
  ]),

  // Lens 5: running today's business.
  classify('run-the-business', 'Status, reviews, incidents, approvals, budget, admin', 400, 'operational', [
    mentions('title', words.RUN_THE_BUSINESS),
  ]),
  classify('run-one-person-recurring', 'Recurring meeting with one person of the unit (a 1:1)', 410, 'developmental', [
    { field: 'recurring', op: 'is', value: true },
    { field: 'attendeeCount', op: 'equals', value: 1 },
    { field: 'outsideShare', op: 'equals', value: 0 },
  ]),
  classify('run-routine-unit-meeting', 'Recurring meeting with the unit (routine team meeting)', 420, 'operational', [
    { field: 'recurring', op: 'is', value: true },
    { field: 'attendeeCount', op: 'at-least', value: 3 },
    { field: 'outsideShare', op: 'less-than', value: 0.5 },
  ]),
];

function exclude(id: string, name: string, priority: number, reason: ExclusionReason, conditions: Condition[]): Rule {
  return build(id, name, 'exclusion', priority, 'excluded', conditions, reason);
}

/** A content-based exclusion: a solo entry whose title says it is not work, and nothing work-like. */
function classifyAway(id: string, name: string, priority: number, reason: ExclusionReason, conditions: Condition[]): Rule {
  return build(id, name, 'classification', priority, 'excluded', [
    ...conditions,
    { field: 'attendeeCount', op: 'equals', value: 0 },
    { field: 'title', op: 'not-mentions', value: [...words.WORK_CONTEXT] },
  ], reason);
}

function classify(id: string, name: string, priority: number, category: Exclude<Assignable, 'excluded'>, conditions: Condition[]): Rule {
  return build(id, name, 'classification', priority, category, conditions);
}

function build(
  id: string,
  name: string,
  stage: RuleStage,
  priority: number,
  category: Assignable,
  conditions: Condition[],
  exclusionReason?: ExclusionReason,
): Rule {
  const rule: Rule = { id: `default:${id}`, name, origin: 'default', stage, priority, enabled: true, match: 'all', category, conditions };
  if (exclusionReason) rule.exclusionReason = exclusionReason;
  return rule;
}

function is(field: 'myResponse' | 'status' | 'showAs', value: string): Condition {
  return { field, op: 'is', value };
}

function mentions(field: 'title' | 'categories', value: readonly string[]): Condition {
  return { field, op: 'mentions', value: [...value] };
}

/** A calendar category that is one of these names as a whole (not "Business Development"). */
function isOneOf(field: 'categories', value: readonly string[]): Condition {
  return { field, op: 'one-of', value: [...value] };
}

function matches(field: 'title', value: string): Condition {
  return { field, op: 'matches', value };
}
