import { z } from 'zod';
import { ASSIGNABLE_IDS, EXCLUSION_REASONS } from './taxonomy.ts';

/**
 * Rules are plain, validated data (after Actual Budget's transaction rules): a rule is a list of
 * conditions joined by "all" or "any", and the placement it gives. Each field has a value type,
 * each type a fixed set of operators, and each operator the value it takes.
 */
export const FIELD_TYPES = {
  title: 'text',
  description: 'text',
  location: 'text',
  organizerEmail: 'text',
  attendeeEmail: 'text-list',
  attendeeDomain: 'text-list',
  categories: 'text-list',
  attendeeCount: 'number',
  outsideShare: 'number',
  durationMinutes: 'number',
  allDay: 'boolean',
  recurring: 'boolean',
  organizer: 'enum',
  status: 'enum',
  showAs: 'enum',
  myResponse: 'enum',
} as const;
export type RuleField = keyof typeof FIELD_TYPES;
export type FieldType = (typeof FIELD_TYPES)[RuleField];
export const RULE_FIELDS = Object.keys(FIELD_TYPES) as RuleField[];

export const ENUM_VALUES = {
  organizer: ['self', 'other'],
  status: ['confirmed', 'tentative', 'cancelled', 'none'],
  showAs: ['busy', 'free', 'tentative', 'out-of-office', 'working-elsewhere'],
  myResponse: ['accepted', 'declined', 'tentative', 'needs-action', 'none'],
} as const satisfies Partial<Record<RuleField, readonly string[]>>;

/** Operators legal for each value type, and whether each takes one value or a list. */
export const OPERATORS = {
  text: {
    contains: 'string',
    'not-contains': 'string',
    equals: 'string',
    'starts-with': 'string',
    matches: 'regex',
    'one-of': 'list',
    mentions: 'list',
    'not-mentions': 'list',
  },
  'text-list': {
    contains: 'string',
    equals: 'string',
    'one-of': 'list',
    mentions: 'list',
    matches: 'regex',
    'is-empty': 'boolean',
  },
  number: {
    equals: 'number',
    'greater-than': 'number',
    'at-least': 'number',
    'less-than': 'number',
    'at-most': 'number',
  },
  boolean: { is: 'boolean' },
  enum: { is: 'string', 'one-of': 'list' },
} as const;
export type Operator = { [T in FieldType]: keyof (typeof OPERATORS)[T] }[FieldType];
export const ALL_OPERATORS = [...new Set(Object.values(OPERATORS).flatMap((ops) => Object.keys(ops)))] as Operator[];

export const OPERATOR_LABELS: Record<Operator, string> = {
  contains: 'contains',
  'not-contains': 'does not contain',
  equals: 'is',
  'starts-with': 'starts with',
  matches: 'matches',
  'one-of': 'is one of',
  mentions: 'mentions',
  'not-mentions': 'does not mention',
  'is-empty': 'is empty',
  'greater-than': 'is more than',
  'at-least': 'is at least',
  'less-than': 'is less than',
  'at-most': 'is at most',
  is: 'is',
};

export const FIELD_LABELS: Record<RuleField, string> = {
  title: 'title',
  description: 'description',
  location: 'location',
  organizerEmail: 'organiser e-mail',
  attendeeEmail: 'an attendee e-mail',
  attendeeDomain: 'an attendee domain',
  categories: 'a calendar category',
  attendeeCount: 'number of other attendees',
  outsideShare: 'share of attendees outside the unit',
  durationMinutes: 'duration in minutes',
  allDay: 'all-day',
  recurring: 'recurring',
  organizer: 'organiser',
  status: 'status',
  showAs: 'busy status',
  myResponse: 'the leader’s response',
};

const conditionValue = z.union([z.string().max(500), z.number().finite(), z.boolean(), z.array(z.string().min(1).max(200)).min(1).max(200)]);

export const conditionSchema = z
  .object({
    field: z.enum(RULE_FIELDS as [RuleField, ...RuleField[]]),
    op: z.enum(ALL_OPERATORS as [Operator, ...Operator[]]),
    value: conditionValue,
  })
  .strict()
  .superRefine((condition, ctx) => {
    const problem = describeConditionProblem(condition);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['value'] });
  });
export type Condition = z.infer<typeof conditionSchema>;

/** Why a condition is not legal, or null. A condition checks itself when it is built, because a
 * faulty rule would misplace every event it touches. */
export function describeConditionProblem(condition: { field: RuleField; op: Operator; value: unknown }): string | null {
  const type = FIELD_TYPES[condition.field];
  const legal = OPERATORS[type] as Record<string, string>;
  const expects = legal[condition.op];
  if (!expects) return `"${condition.op}" does not apply to ${condition.field} (legal: ${Object.keys(legal).join(', ')})`;
  const { value } = condition;
  switch (expects) {
    case 'string':
      if (typeof value !== 'string' || value.trim() === '') return `${condition.op} takes one non-empty text value`;
      break;
    case 'regex':
      if (typeof value !== 'string' || value === '') return 'matches takes a regular expression';
      if (value.length > 1000) return 'a regular expression may be at most 1000 characters long';
      // A repeated group that itself repeats ("(a+)+") can take exponential time on a crafted
      // title, and titles come from anyone who sends an invitation.
      if (NESTED_QUANTIFIER.test(value)) return `"${value}" repeats a group that repeats itself, which can hang; write it without nesting`;
      try {
        new RegExp(value, 'iu');
      } catch {
        return `"${value}" is not a valid regular expression`;
      }
      break;
    case 'list':
      if (!Array.isArray(value) || value.length === 0) return `${condition.op} takes a list of values`;
      break;
    case 'number':
      if (typeof value !== 'number') return `${condition.op} takes a number`;
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return `${condition.op} takes true or false`;
      break;
  }
  if (type === 'enum') {
    const allowed = ENUM_VALUES[condition.field as keyof typeof ENUM_VALUES] as readonly string[];
    const values = Array.isArray(value) ? value : [value];
    const wrong = values.find((v) => typeof v !== 'string' || !allowed.includes(v));
    if (wrong !== undefined) return `${condition.field} is one of ${allowed.join(', ')}, not "${String(wrong)}"`;
  }
  return null;
}

/** A group containing a quantifier, itself followed by a quantifier: (a+)+, (a*)*, (ab+){2,}. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/;

export const RULE_STAGES = ['exclusion', 'classification'] as const;
export type RuleStage = (typeof RULE_STAGES)[number];

export const ruleInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    enabled: z.boolean().default(true),
    match: z.enum(['all', 'any']).default('all'),
    conditions: z.array(conditionSchema).min(1).max(20),
    category: z.enum(ASSIGNABLE_IDS),
    exclusionReason: z.enum(EXCLUSION_REASONS).optional(),
    /** Exclusion-stage rules run before classification rules (TAXONOMY.md, lens 1). */
    stage: z.enum(RULE_STAGES).default('classification'),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.category === 'excluded' && !rule.exclusionReason) {
      ctx.addIssue({ code: 'custom', message: 'a rule that excludes needs an exclusionReason', path: ['exclusionReason'] });
    }
    if (rule.category !== 'excluded' && rule.exclusionReason) {
      ctx.addIssue({ code: 'custom', message: 'exclusionReason applies only to category "excluded"', path: ['exclusionReason'] });
    }
  });
export type RuleInput = z.input<typeof ruleInputSchema>;
export type RuleDefinition = z.output<typeof ruleInputSchema>;

/** A rule as stored and ranked: user rules carry their position, defaults their fixed priority. */
export interface Rule extends RuleDefinition {
  id: string;
  origin: 'user' | 'default';
  /** Order among rules of the same stage and origin; lower runs first. */
  priority: number;
}

export interface MatchedCondition {
  field: RuleField;
  op: Operator;
  value: Condition['value'];
  /** The text that matched, for explanations ("talent review"). */
  matched?: string;
}

export type Reason =
  | {
      kind: 'rule';
      ruleId: string;
      ruleName: string;
      origin: 'user' | 'default';
      exclusionReason?: (typeof EXCLUSION_REASONS)[number];
      matched: MatchedCondition[];
    }
  | { kind: 'manual'; scope: 'event' | 'series'; exclusionReason?: (typeof EXCLUSION_REASONS)[number] }
  | { kind: 'none' };
