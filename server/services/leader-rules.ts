import { and, eq, max } from 'drizzle-orm';
import type { Rule, RuleDefinition } from '../../shared/rules.ts';
import type { Placement } from '../../shared/taxonomy.ts';
import type { AppDatabase, Db } from '../db/open-database.ts';
import { rules } from '../db/schema.ts';
import { loadLeaderEventRows } from './leader-events.ts';
import { formatWhen } from '../domain/audit/build-report.ts';
import { DEFAULT_RULES } from '../domain/rules/default-rules.ts';
import { toEventRecord } from './event-rows.ts';
import { getLeader } from './leaders.ts';
import { placeLeaderRecords } from './place-leader-events.ts';
import { reclassifyLeader } from './reclassify-leader.ts';
import { listUserRules, loadManualDecisions, toRule } from './rule-rows.ts';
import { notFound, ServiceError } from './service-error.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export interface RuleChange {
  rule: Rule;
  /** Stored events whose category the change moved. */
  moved: number;
}

/** Adds a rule after the leader's others (or at `position`) and re-classifies every event. */
export function createRule(db: AppDatabase, leaderId: number, definition: RuleDefinition, nowMs: number): RuleChange {
  getLeader(db, leaderId);
  return writeTransaction(db, (tx) => {
    const last = tx.select({ value: max(rules.position) }).from(rules).where(eq(rules.leaderId, leaderId)).get()?.value ?? 0;
    const row = tx
      .insert(rules)
      .values({ ...definition, exclusionReason: definition.exclusionReason ?? null, leaderId, position: last + 1, createdAt: nowMs, updatedAt: nowMs })
      .returning()
      .get();
    return { rule: toRule(row), moved: reclassifyLeader(tx, leaderId) };
  });
}

export function updateRule(db: AppDatabase, leaderId: number, ruleId: number, definition: RuleDefinition, nowMs: number): RuleChange {
  return writeTransaction(db, (tx) => {
    findRuleRow(tx, leaderId, ruleId);
    const row = tx
      .update(rules)
      .set({ ...definition, exclusionReason: definition.exclusionReason ?? null, updatedAt: nowMs })
      .where(eq(rules.id, ruleId))
      .returning()
      .get();
    return { rule: toRule(row), moved: reclassifyLeader(tx, leaderId) };
  });
}

export function deleteRule(db: AppDatabase, leaderId: number, ruleId: number): { moved: number } {
  return writeTransaction(db, (tx) => {
    findRuleRow(tx, leaderId, ruleId);
    tx.delete(rules).where(eq(rules.id, ruleId)).run();
    return { moved: reclassifyLeader(tx, leaderId) };
  });
}

/** Sets the order of the leader's rules: `ruleIds` lists every one of them, first to last. */
export function reorderRules(db: AppDatabase, leaderId: number, ruleIds: number[]): { rules: Rule[]; moved: number } {
  return writeTransaction(db, (tx) => {
    const current = listUserRules(tx, leaderId).map((r) => Number(r.id.slice('user:'.length)));
    const same = current.length === ruleIds.length && new Set(ruleIds).size === ruleIds.length && ruleIds.every((id) => current.includes(id));
    if (!same) throw new ServiceError(400, 'invalid-order', `The order must list each of the leader's rules exactly once (${current.join(', ')}).`);
    ruleIds.forEach((id, index) => tx.update(rules).set({ position: index + 1 }).where(eq(rules.id, id)).run());
    return { rules: listUserRules(tx, leaderId), moved: reclassifyLeader(tx, leaderId) };
  });
}

export interface RulePreview {
  /** Events whose category would change, with before and after. */
  /** `start`: in the leader's zone (a date for all-day events). */
  changes: Array<{ eventId: number; summary: string; start: string; from: Placement; to: Placement }>;
  total: number;
  /** "strategic -> operational": count. */
  moves: Record<string, number>;
}

const PREVIEW_LIMIT = 200;

/**
 * What a rule would do before it is saved: the leader's rule set with the candidate added (or
 * replacing `replacing`), compared with where every stored event is now. Nothing is written.
 */
export function previewRule(db: Db, leaderId: number, definition: RuleDefinition, replacing?: number): RulePreview {
  const leader = getLeader(db, leaderId);
  const userRules = listUserRules(db, leaderId);
  if (replacing !== undefined && !userRules.some((r) => r.id === `user:${replacing}`)) throw notFound(`Rule ${replacing}`);
  const candidate: Rule = {
    ...definition,
    id: replacing !== undefined ? `user:${replacing}` : 'user:preview',
    origin: 'user',
    priority: replacing !== undefined ? userRules.find((r) => r.id === `user:${replacing}`)!.priority : Number.MAX_SAFE_INTEGER,
  };
  const ruleSet = [...userRules.filter((r) => r.id !== candidate.id), candidate, ...DEFAULT_RULES];
  // Every stored event, one per occurrence (a meeting held in two calendars moves once).
  const rows = loadLeaderEventRows(db, leaderId, Number.MIN_SAFE_INTEGER / 2, Number.MAX_SAFE_INTEGER / 2);
  const records = rows.map(toEventRecord);
  const placements = placeLeaderRecords(leader, records, ruleSet, loadManualDecisions(db, leaderId));

  const preview: RulePreview = { changes: [], total: 0, moves: {} };
  rows.forEach((row, index) => {
    const to = placements[index]!.category;
    if (to === row.category) return;
    preview.total++;
    const move = `${row.category} -> ${to}`;
    preview.moves[move] = (preview.moves[move] ?? 0) + 1;
    preview.changes.push({ eventId: row.id, summary: row.summary, start: formatWhen(records[index]!.start, leader.timeZone ?? 'UTC'), from: row.category as Placement, to });
  });
  // Rows come in time order; the first ones are what the user sees.
  preview.changes = preview.changes.slice(0, PREVIEW_LIMIT);
  return preview;
}

function findRuleRow(db: Db, leaderId: number, ruleId: number): void {
  const row = db.select({ id: rules.id }).from(rules).where(and(eq(rules.id, ruleId), eq(rules.leaderId, leaderId))).get();
  if (!row) throw notFound(`Rule ${ruleId}`);
}
