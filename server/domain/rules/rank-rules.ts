import type { Condition, Rule } from '../../../shared/rules.ts';

const STAGE_ORDER = { exclusion: 0, classification: 1 } as const;
const ORIGIN_ORDER = { user: 0, default: 1 } as const;

/**
 * The order in which rules are tried; the first that matches decides. Stage first (exclusions
 * before classification, TAXONOMY.md lens 1), then the user's rules before the defaults, then
 * each origin's own order, then specificity (an `equals` beats a `contains`), then id. Must
 * always return the same order for the same rules.
 */
export function rankRules(rules: readonly Rule[]): Rule[] {
  return rules
    .filter((rule) => rule.enabled)
    .map((rule) => ({ rule, specificity: specificityOf(rule.conditions) }))
    .sort(
      (a, b) =>
        STAGE_ORDER[a.rule.stage] - STAGE_ORDER[b.rule.stage] ||
        ORIGIN_ORDER[a.rule.origin] - ORIGIN_ORDER[b.rule.origin] ||
        a.rule.priority - b.rule.priority ||
        b.specificity - a.specificity ||
        (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0),
    )
    .map(({ rule }) => rule);
}

const OPERATOR_WEIGHT: Record<string, number> = {
  equals: 4,
  is: 4,
  'one-of': 3,
  'starts-with': 2,
  'is-empty': 2,
};

function specificityOf(conditions: readonly Condition[]): number {
  return conditions.reduce((sum, condition) => sum + (OPERATOR_WEIGHT[condition.op] ?? 1), 0);
}
