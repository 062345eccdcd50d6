import type { Rule } from '../../shared/rules.ts';
import type { EventRecord } from '../domain/events/event-record.ts';
import { createClassifier } from '../domain/rules/classify-event.ts';
import { classifyRecords, type RecordPlacement } from '../domain/rules/classify-records.ts';
import { createManualLookup, type ManualDecision } from '../domain/rules/manual-decisions.ts';
import { buildLeaderContext } from '../domain/rules/rule-subject.ts';
import type { Leader } from './leaders.ts';

/** Places a leader's records by their decisions, their rules and the defaults, in that order. */
export function placeLeaderRecords(
  leader: Leader,
  records: readonly EventRecord[],
  ruleSet: readonly Rule[],
  decisions: readonly ManualDecision[],
  sourceOf?: (index: number) => object,
): RecordPlacement[] {
  const context = buildLeaderContext(leader.email, leader.settings.unitDomains, leader.settings.unitMembers);
  return classifyRecords(records, context, createClassifier(ruleSet), sourceOf, createManualLookup(decisions));
}
