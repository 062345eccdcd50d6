import { describe, expect, test } from 'vitest';
import { conditionSchema, ruleInputSchema, type Condition, type Rule } from '../../../shared/rules.ts';
import { createClassifier } from '../../../server/domain/rules/classify-event.ts';
import { compileRules } from '../../../server/domain/rules/compile-rules.ts';
import type { RuleSubject } from '../../../server/domain/rules/rule-subject.ts';
import { subject } from '../../support/rule-subject.ts';

function matches(condition: Condition, over: Partial<RuleSubject>): boolean {
  const rule: Rule = { id: 'user:1', origin: 'user', priority: 1, name: 't', enabled: true, match: 'all', stage: 'classification', category: 'strategic', conditions: [condition] };
  return compileRules([rule])[0]!.match(subject(over)) !== null;
}

describe('each operator on its field type', () => {
  test.each<[string, Condition, Partial<RuleSubject>, boolean]>([
    ['contains finds a substring, case-folded', { field: 'title', op: 'contains', value: 'Review' }, { title: 'Talent REVIEW q3' }, true],
    ['contains is accent-insensitive', { field: 'title', op: 'contains', value: 'reunion' }, { title: 'Réunion hebdo' }, true],
    ['contains misses', { field: 'title', op: 'contains', value: 'budget' }, { title: 'Talent review' }, false],
    ['not-contains holds when absent', { field: 'title', op: 'not-contains', value: 'status' }, { title: 'Strategy' }, true],
    ['not-contains fails when present', { field: 'title', op: 'not-contains', value: 'status' }, { title: 'Status update' }, false],
    ['equals needs the whole text', { field: 'title', op: 'equals', value: 'Focus time' }, { title: 'focus time' }, true],
    ['equals rejects a longer text', { field: 'title', op: 'equals', value: 'Focus' }, { title: 'Focus time' }, false],
    ['starts-with', { field: 'title', op: 'starts-with', value: 'Hold:' }, { title: 'Hold: capability plan' }, true],
    ['starts-with misses mid-text', { field: 'title', op: 'starts-with', value: 'plan' }, { title: 'Hold: plan' }, false],
    ['matches a regular expression', { field: 'title', op: 'matches', value: '^q[1-4] planning$' }, { title: 'Q3 planning' }, true],
    ['one-of equals any listed value', { field: 'title', op: 'one-of', value: ['sync', 'catch-up'] }, { title: 'Catch-up' }, true],
    ['one-of misses', { field: 'title', op: 'one-of', value: ['sync'] }, { title: 'Sync with finance' }, false],
    ['mentions finds a word start', { field: 'title', op: 'mentions', value: ['strateg'] }, { title: 'Strategieklausur 2026' }, true],
    ['mentions does not match inside a word', { field: 'title', op: 'mentions', value: ['plan'] }, { title: 'Deplanement' }, false],
    ['not-mentions holds when absent', { field: 'title', op: 'not-mentions', value: ['planning'] }, { title: 'Holiday' }, true],
    ['text-list contains: any element', { field: 'attendeeEmail', op: 'contains', value: '@partner.example' }, { attendeeEmail: ['a@acme.example', 'b@partner.example'] }, true],
    ['text-list equals', { field: 'attendeeDomain', op: 'equals', value: 'partner.example' }, { attendeeDomain: ['partner.example'] }, true],
    ['text-list is-empty true', { field: 'categories', op: 'is-empty', value: true }, { categories: [] }, true],
    ['text-list is-empty false', { field: 'categories', op: 'is-empty', value: true }, { categories: ['Blue'] }, false],
    ['text-list mentions', { field: 'categories', op: 'mentions', value: ['strateg'] }, { categories: ['Strategic'] }, true],
    ['number equals', { field: 'attendeeCount', op: 'equals', value: 1 }, { attendeeCount: 1 }, true],
    ['number greater-than is strict', { field: 'outsideShare', op: 'greater-than', value: 0.5 }, { outsideShare: 0.5 }, false],
    ['number at-least includes the boundary', { field: 'durationMinutes', op: 'at-least', value: 360 }, { durationMinutes: 360 }, true],
    ['number less-than is strict', { field: 'durationMinutes', op: 'less-than', value: 30 }, { durationMinutes: 30 }, false],
    ['number at-most includes the boundary', { field: 'attendeeCount', op: 'at-most', value: 1 }, { attendeeCount: 1 }, true],
    ['boolean is', { field: 'allDay', op: 'is', value: true }, { allDay: true }, true],
    ['boolean is false', { field: 'recurring', op: 'is', value: false }, { recurring: true }, false],
    ['enum is', { field: 'myResponse', op: 'is', value: 'declined' }, { myResponse: 'declined' }, true],
    ['enum one-of', { field: 'showAs', op: 'one-of', value: ['free', 'out-of-office'] }, { showAs: 'out-of-office' }, true],
    ['enum one-of misses', { field: 'organizer', op: 'one-of', value: ['other'] }, { organizer: 'self' }, false],
  ])('%s', (_name, condition, over, expected) => {
    expect(conditionSchema.safeParse(condition).success).toBe(true);
    expect(matches(condition, over)).toBe(expected);
  });
});

test('a faulty regular expression that reached the engine matches nothing instead of failing', () => {
  // The schema refuses such a pattern; the engine still must not throw on one stored before.
  expect(matches({ field: 'title', op: 'matches', value: '(' }, { title: '(' })).toBe(false);
});

describe('conditions check themselves when built', () => {
  test.each<[string, unknown, string]>([
    ['an operator that does not apply to the field', { field: 'attendeeCount', op: 'contains', value: 'x' }, 'does not apply'],
    ['a regex that does not compile', { field: 'title', op: 'matches', value: '([' }, 'not a valid regular expression'],
    ['a regex that can backtrack for ever', { field: 'title', op: 'matches', value: '^(a+)+$' }, 'repeats a group that repeats itself'],
    ['a regex longer than 1000 characters', { field: 'title', op: 'matches', value: 'a'.repeat(1001) }, 'at most 1000 characters'],
    ['a list operator given one value', { field: 'title', op: 'mentions', value: 'strategy' }, 'takes a list'],
    ['a number operator given text', { field: 'durationMinutes', op: 'at-least', value: 'long' }, 'takes a number'],
    ['an enum value that does not exist', { field: 'myResponse', op: 'is', value: 'maybe' }, 'is one of'],
    ['an unknown field', { field: 'colour', op: 'is', value: 'red' }, 'Invalid option'],
  ])('%s is refused', (_name, condition, message) => {
    const result = conditionSchema.safeParse(condition);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });

  test('a rule that excludes must say why, and only such a rule may', () => {
    const base = { name: 'x', conditions: [{ field: 'title', op: 'contains', value: 'x' }] };
    expect(ruleInputSchema.safeParse({ ...base, category: 'excluded' }).success).toBe(false);
    expect(ruleInputSchema.safeParse({ ...base, category: 'excluded', exclusionReason: 'personal' }).success).toBe(true);
    expect(ruleInputSchema.safeParse({ ...base, category: 'strategic', exclusionReason: 'personal' }).success).toBe(false);
    expect(ruleInputSchema.safeParse({ ...base, category: 'unclassified' }).success).toBe(false);
  });
});

describe('all and any', () => {
  const conditions: Condition[] = [
    { field: 'title', op: 'mentions', value: ['offsite'] },
    { field: 'allDay', op: 'is', value: true },
  ];
  const rule = (match: 'all' | 'any'): Rule => ({ id: 'user:1', origin: 'user', priority: 1, name: 'Offsite', enabled: true, match, stage: 'classification', category: 'strategic', conditions });

  test('"all" needs every condition and reports each', () => {
    const classify = createClassifier([rule('all')]);
    expect(classify(subject({ title: 'Offsite', allDay: false })).category).toBe('unclassified');
    const placed = classify(subject({ title: 'Offsite', allDay: true }));
    expect(placed.category).toBe('strategic');
    expect(placed.reason.kind === 'rule' && placed.reason.matched.map((m) => m.field)).toEqual(['title', 'allDay']);
  });

  test('"any" needs one condition', () => {
    const classify = createClassifier([rule('any')]);
    const placed = classify(subject({ title: 'Board day', allDay: true }));
    expect(placed.category).toBe('strategic');
    expect(placed.reason.kind === 'rule' && placed.reason.matched.map((m) => m.field)).toEqual(['allDay']);
  });

  test('the match records the text that matched, for the explanation', () => {
    const placed = createClassifier([rule('all')])(subject({ title: 'Leadership offsite day 2', allDay: true }));
    expect(placed.reason.kind === 'rule' && placed.reason.matched[0]!.matched).toBe('offsite');
  });
});
