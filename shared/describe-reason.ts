import { FIELD_LABELS, OPERATOR_LABELS, type MatchedCondition, type Reason } from './rules.ts';
import { EXCLUSION_LABELS } from './taxonomy.ts';

/** "rule “Talent, succession…” (default): title mentions “talent review”" — why an event is where it is. */
export function describeReason(reason: Reason): string {
  switch (reason.kind) {
    case 'manual': {
      const exclusion = reason.exclusionReason ? `${EXCLUSION_LABELS[reason.exclusionReason]}; ` : '';
      return `${exclusion}manual: set for ${reason.scope === 'series' ? 'the whole series' : 'this event'}`;
    }
    case 'none':
      return 'no rule matched: needs a decision';
    case 'rule': {
      // What an event lacks ("does not mention customer") explains less than what it has.
      const positive = reason.matched.filter((m) => m.op !== 'not-mentions' && m.op !== 'not-contains');
      const conditions = (positive.length > 0 ? positive : reason.matched).map(describeCondition).join(' and ');
      const exclusion = reason.exclusionReason ? `${EXCLUSION_LABELS[reason.exclusionReason]}; ` : '';
      return `${exclusion}rule “${reason.ruleName}” (${reason.origin}): ${conditions}`;
    }
  }
}

export function describeCondition(condition: MatchedCondition): string {
  const field = FIELD_LABELS[condition.field];
  const op = OPERATOR_LABELS[condition.op];
  if (condition.matched !== undefined && (condition.op === 'mentions' || condition.op === 'matches' || condition.op === 'one-of')) {
    return `${field} ${op} “${condition.matched}”`;
  }
  return `${field} ${op} ${formatValue(condition.value)}`;
}

function formatValue(value: MatchedCondition['value']): string {
  if (Array.isArray(value)) {
    const shown = value.slice(0, 5).map((v) => `“${v}”`).join(', ');
    return value.length > 5 ? `${shown}, …` : shown;
  }
  if (typeof value === 'string') return `“${value}”`;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
