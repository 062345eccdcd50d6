import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DiagnosticEntryView, DiagnosticView, EvidenceView } from '../../shared/cohorts-api.ts';
import { bandOf, DIAGNOSTIC_IDS, DIAGNOSTIC_STATEMENTS, scoreDiagnostic, type DiagnosticId } from '../../shared/diagnostic.ts';
import type { Db } from '../db/open-database.ts';
import { coachGrants, cohortMembers, cohorts, diagnosticAnswers } from '../db/schema.ts';
import { median, quartersEndingWith } from '../domain/cohorts/cohort-charts.ts';
import { toComplianceRow } from '../domain/cohorts/compliance.ts';
import { decideGroupSize, decideTraitCount, type Suppression } from '../domain/cohorts/suppress.ts';
import { loadActiveMembers, loadMemberQuarters } from './cohort-members.ts';
import { currentQuarter } from './cohort-compliance.ts';
import type { User } from './users.ts';

type Entry = typeof diagnosticAnswers.$inferSelect;

/** The statements, the HR user's dated answers (newest first) and the evidence of their cohorts. */
export function buildDiagnosticView(db: Db, hr: User, nowMs: number, minGroup: number): DiagnosticView {
  const history = db
    .select()
    .from(diagnosticAnswers)
    .where(eq(diagnosticAnswers.userId, hr.id))
    .orderBy(desc(diagnosticAnswers.answeredAt), desc(diagnosticAnswers.id))
    .all()
    .map(toEntryView);
  return { statements: DIAGNOSTIC_STATEMENTS, latest: history[0] ?? null, history, evidence: gatherEvidence(db, hr, nowMs, minGroup), minGroup };
}

export function recordDiagnosticAnswers(db: Db, hr: User, answers: Record<DiagnosticId, boolean>, note: string, nowMs: number): DiagnosticEntryView {
  const row = db.insert(diagnosticAnswers).values({ userId: hr.id, answers, note, answeredAt: nowMs }).returning().get();
  return toEntryView(row);
}

function toEntryView(row: Entry): DiagnosticEntryView {
  // Only the ten known ids, each a boolean: an answer stored by an older version reads the same.
  const answers = Object.fromEntries(DIAGNOSTIC_IDS.map((id) => [id, row.answers[id] === true])) as Record<DiagnosticId, boolean>;
  const score = scoreDiagnostic(answers);
  return { id: row.id, answeredAt: new Date(row.answeredAt).toISOString(), answers, note: row.note, score, band: bandOf(score) };
}

/**
 * What the calendars of the HR user's cohorts say beside six statements: evidence to weigh,
 * never a tick. Every figure over people obeys suppress.ts; who has a coach and who held a talent
 * review are traits no leader shared one by one, so they also follow the trait rule.
 */
function gatherEvidence(db: Db, hr: User, nowMs: number, k: number): DiagnosticView['evidence'] {
  const own = db.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.ownerUserId, hr.id)).all().map((row) => row.id);
  const members = loadActiveMembers(db, own);
  const invited = own.length === 0 ? 0 : db.select({ id: cohortMembers.id }).from(cohortMembers).where(inArray(cohortMembers.cohortId, own)).all().length;
  const evidence: Partial<Record<DiagnosticId, EvidenceView>> = {};

  evidence['dedicated-programme'] = {
    kind: 'shown',
    text:
      own.length === 0
        ? 'No cohort yet: Altitude has no programme to show.'
        : `${plural(own.length, 'cohort')} with ${plural(members.length, 'active member')} (${plural(invited, 'person', 'people')} invited in all).`,
    value: members.length,
    people: null,
    quarter: null,
  };

  const quarter = quartersEndingWith(currentQuarter(nowMs), 2)[0]!;
  const rows = (loadMemberQuarters(db, members, [quarter]).get(quarter) ?? []).map((member) => ({
    member,
    row: toComplianceRow(member, quarter, nowMs),
  }));
  const withData = rows.filter(({ row }) => row.hasData);
  const n = withData.length;
  const groupHidden = decideGroupSize(n, k);

  evidence['strategy-translation'] = groupHidden
    ? hidden(groupHidden, quarter, k, `Median strategic share in ${quarter}`)
    : (() => {
        const value = median(withData.map(({ row }) => row.strategicShare!))!;
        const under = withData.filter(({ row }) => row.flags.some((flag) => flag.code === 'low-strategic-share')).length;
        return shown(`Median strategic share in ${quarter}: ${percent(value)} across ${n} leaders; ${under} of ${n} under their target.`, value, n, quarter);
      })();

  evidence['leadership-quality'] = groupHidden
    ? hidden(groupHidden, quarter, k, `Median developmental share in ${quarter}`)
    : (() => {
        const value = median(withData.map(({ member }) => member.figures!.minutes.developmental / member.figures!.countedMinutes))!;
        return shown(`Median developmental share in ${quarter}: ${percent(value)} across ${n} leaders (time spent developing leaders, themselves included).`, value, n, quarter);
      })();

  evidence['protected-planning-time'] = groupHidden
    ? hidden(groupHidden, quarter, k, `Leaders with enough protected planning days in ${quarter}`)
    : (() => {
        const meeting = withData.filter(({ row }) => !row.flags.some((flag) => flag.code === 'missing-planning-days')).length;
        return shown(`${meeting} of ${n} leaders (${percent(meeting / n)}) had at least their target of protected planning days in ${quarter}.`, meeting / n, n, quarter);
      })();

  const talent = withData.filter(({ member }) => member.figures!.talentEvents > 0).length;
  const talentHidden = decideTraitCount(talent, n, k);
  evidence['capability-plan'] = talentHidden
    ? hidden(talentHidden, quarter, k, `Leaders with a talent review, succession or calibration session in ${quarter}`)
    : shown(`${talent} of ${n} leaders (${percent(talent / n)}) had a talent review, succession or calibration session in ${quarter}.`, talent / n, n, quarter);

  const coached = countCoached(db, members.map((m) => m.leaderId));
  const coachHidden = decideTraitCount(coached, members.length, k);
  evidence['transition-support'] = coachHidden
    ? hidden(coachHidden, null, k, 'Members working with a coach')
    : shown(`${coached} of ${members.length} active members work with a coach they gave access to their audit.`, coached / Math.max(1, members.length), members.length, null);

  return evidence;
}

function countCoached(db: Db, leaderIds: readonly number[]): number {
  if (leaderIds.length === 0) return 0;
  const rows = db
    .selectDistinct({ leaderId: coachGrants.leaderId })
    .from(coachGrants)
    .where(and(inArray(coachGrants.leaderId, [...leaderIds]), eq(coachGrants.status, 'active')))
    .all();
  return rows.length;
}

function shown(text: string, value: number | null, people: number | null, quarter: string | null): EvidenceView {
  return { kind: 'shown', text, value, people, quarter };
}

function hidden(suppression: Suppression, quarter: string | null, k: number, what: string): EvidenceView {
  const why =
    suppression === 'fewer-than-k'
      ? `fewer than ${k} people have data, so it is hidden to protect individuals.`
      : `the people with it or without it number fewer than ${k}, so it is hidden to protect individuals.`;
  return { kind: 'hidden', text: `${what}: ${why}`, suppression, quarter };
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
