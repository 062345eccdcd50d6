import { asc, eq } from 'drizzle-orm';
import type { Rule } from '../../shared/rules.ts';
import type { Assignable, ExclusionReason } from '../../shared/taxonomy.ts';
import type { Db } from '../db/open-database.ts';
import { manualDecisions, rules } from '../db/schema.ts';
import { DEFAULT_RULES } from '../domain/rules/default-rules.ts';
import type { ManualDecision } from '../domain/rules/manual-decisions.ts';

type RuleRow = typeof rules.$inferSelect;

export function toRule(row: RuleRow): Rule {
  const rule: Rule = {
    id: `user:${row.id}`,
    origin: 'user',
    priority: row.position,
    name: row.name,
    enabled: row.enabled,
    match: row.match,
    conditions: row.conditions,
    category: row.category as Assignable,
    stage: row.stage,
  };
  if (row.exclusionReason) rule.exclusionReason = row.exclusionReason as ExclusionReason;
  return rule;
}

export function listUserRules(db: Db, leaderId: number): Rule[] {
  return db.select().from(rules).where(eq(rules.leaderId, leaderId)).orderBy(asc(rules.position), asc(rules.id)).all().map(toRule);
}

/** The leader's rules followed by the defaults: what classification runs on. */
export function loadRuleSet(db: Db, leaderId: number): Rule[] {
  return [...listUserRules(db, leaderId), ...DEFAULT_RULES];
}

export function loadManualDecisions(db: Db, leaderId: number): ManualDecision[] {
  return db
    .select()
    .from(manualDecisions)
    .where(eq(manualDecisions.leaderId, leaderId))
    .all()
    .map((row) => ({
      uid: row.uid,
      recurrenceId: row.recurrenceId,
      category: row.category as Assignable,
      exclusionReason: (row.exclusionReason as ExclusionReason | null) ?? null,
    }));
}
