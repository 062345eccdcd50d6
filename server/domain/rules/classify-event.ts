import type { Reason, Rule } from '../../../shared/rules.ts';
import type { Placement } from '../../../shared/taxonomy.ts';
import { compileRules } from './compile-rules.ts';
import { rankRules } from './rank-rules.ts';
import type { RuleSubject } from './rule-subject.ts';

export interface Classification {
  category: Placement;
  reason: Reason;
  /** Excluded by an exclusion-stage rule: a fact about attendance (declined, cancelled, free). */
  isAttendanceFact?: boolean;
}

export type Classifier = (subject: RuleSubject) => Classification;

const UNCLASSIFIED: Classification = { category: 'unclassified', reason: { kind: 'none' } };

/** Ranks and compiles the rules once; the first rule that matches places the event. */
export function createClassifier(rules: readonly Rule[]): Classifier {
  const compiled = compileRules(rankRules(rules));
  return (subject) => {
    for (const { rule, match } of compiled) {
      const matched = match(subject);
      if (!matched) continue;
      const reason: Reason = { kind: 'rule', ruleId: rule.id, ruleName: rule.name, origin: rule.origin, matched };
      if (rule.category === 'excluded') reason.exclusionReason = rule.exclusionReason ?? 'other';
      const placed: Classification = { category: rule.category, reason };
      if (rule.category === 'excluded' && rule.stage === 'exclusion') placed.isAttendanceFact = true;
      return placed;
    }
    return UNCLASSIFIED;
  };
}
