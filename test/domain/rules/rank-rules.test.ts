import { describe, expect, test } from 'vitest';
import type { Condition, Rule } from '../../../shared/rules.ts';
import { createClassifier } from '../../../server/domain/rules/classify-event.ts';
import { DEFAULT_RULES } from '../../../server/domain/rules/default-rules.ts';
import { rankRules } from '../../../server/domain/rules/rank-rules.ts';
import { subject } from '../../support/rule-subject.ts';

const mentionsStrategy: Condition = { field: 'title', op: 'mentions', value: ['strategy'] };

function rule(id: string, over: Partial<Rule> = {}): Rule {
  return { id, origin: 'user', priority: 1, name: id, enabled: true, match: 'all', stage: 'classification', category: 'strategic', conditions: [mentionsStrategy], ...over };
}

describe('ranking', () => {
  test('exclusion-stage rules run before classification rules, whatever their origin', () => {
    const ranked = rankRules([rule('user:1'), rule('default:x', { origin: 'default', stage: 'exclusion', category: 'excluded', exclusionReason: 'personal' })]);
    expect(ranked.map((r) => r.id)).toEqual(['default:x', 'user:1']);
  });

  test("the user's rules come before the defaults within a stage", () => {
    const ranked = rankRules([rule('default:a', { origin: 'default', priority: 0 }), rule('user:9', { priority: 50 })]);
    expect(ranked.map((r) => r.id)).toEqual(['user:9', 'default:a']);
  });

  test('within an origin, the order (priority) decides before specificity', () => {
    const specific = rule('user:2', { priority: 2, conditions: [{ field: 'title', op: 'equals', value: 'strategy' }] });
    const broad = rule('user:1', { priority: 1 });
    expect(rankRules([specific, broad]).map((r) => r.id)).toEqual(['user:1', 'user:2']);
  });

  test('at equal priority an equals beats a contains, then the id decides', () => {
    const exact = rule('user:b', { conditions: [{ field: 'title', op: 'equals', value: 'strategy' }] });
    const loose = rule('user:a', { conditions: [{ field: 'title', op: 'contains', value: 'strategy' }] });
    const tie = rule('user:c', { conditions: [{ field: 'title', op: 'contains', value: 'x' }] });
    expect(rankRules([tie, loose, exact]).map((r) => r.id)).toEqual(['user:b', 'user:a', 'user:c']);
  });

  test('the same rules in any order rank the same (deterministic)', () => {
    const rules = [...DEFAULT_RULES, rule('user:1'), rule('user:2', { priority: 0 })];
    const once = rankRules(rules).map((r) => r.id);
    const shuffled = [...rules].reverse();
    expect(rankRules(shuffled).map((r) => r.id)).toEqual(once);
  });

  test('disabled rules do not run', () => {
    expect(rankRules([rule('user:1', { enabled: false })])).toEqual([]);
  });
});

describe('a user rule overrides a default', () => {
  test('a user rule places an event the defaults would place elsewhere', () => {
    const mine = rule('user:1', { conditions: [{ field: 'title', op: 'mentions', value: ['status'] }], category: 'strategic' });
    const placed = createClassifier([mine, ...DEFAULT_RULES])(subject({ title: 'Portfolio status review', attendeeCount: 4 }));
    expect(placed).toMatchObject({ category: 'strategic', reason: { kind: 'rule', ruleId: 'user:1', origin: 'user' } });
  });

  test('a user classification rule does not count a declined meeting: exclusions run first', () => {
    const mine = rule('user:1');
    const placed = createClassifier([mine, ...DEFAULT_RULES])(subject({ title: 'Strategy offsite', attendeeCount: 5, myResponse: 'declined' }));
    expect(placed).toMatchObject({ category: 'excluded', reason: { ruleId: 'default:exclude-declined', exclusionReason: 'declined' } });
  });

  test('a user exclusion-stage rule can bring back an entry a default would exclude', () => {
    const lunchWithCfo = rule('user:1', { stage: 'exclusion', conditions: [{ field: 'title', op: 'contains', value: 'lunch with cfo' }], category: 'cross-functional' });
    const classify = createClassifier([lunchWithCfo, ...DEFAULT_RULES]);
    expect(classify(subject({ title: 'Lunch with CFO' })).category).toBe('cross-functional');
    expect(classify(subject({ title: 'Lunch' })).category).toBe('excluded');
  });
});
