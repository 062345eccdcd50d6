import { desc, eq, inArray } from 'drizzle-orm';
import type { DiagnosticEntryView, DiagnosticView, EvidenceView } from '../../shared/cohorts-api.ts';
import { bandOf, DIAGNOSTIC_IDS, DIAGNOSTIC_STATEMENTS, scoreDiagnostic, type DiagnosticId } from '../../shared/diagnostic.ts';
import type { Db } from '../db/open-database.ts';
import { cohortMembers, cohorts, diagnosticAnswers } from '../db/schema.ts';
import { median, quartersEndingWith } from '../domain/cohorts/cohort-charts.ts';
import { toComplianceRow } from '../domain/cohorts/compliance.ts';
import { decideGroupSize } from '../domain/cohorts/suppress.ts';
import { loadCoachingStatuses } from './coaching-shares.ts';
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
 * never a tick. Every figure over people obeys suppress.ts, and every one is made of figures the
 * leaders share with this HR user one by one (their compliance rows: shares, planning days, talent
 * reviews; whether they work with a coach only from those who chose to share it). So asking again
 * after someone joins, leaves or is removed tells HR nothing it could not already read.
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
  const groupHidden = decideGroupSize(n, k) !== null;

  evidence['strategy-translation'] = groupHidden
    ? hidden(quarter, k, `Median strategic share in ${quarter}`)
    : (() => {
        const value = median(withData.map(({ row }) => row.strategicShare!))!;
        const under = withData.filter(({ row }) => row.flags.some((flag) => flag.code === 'low-strategic-share')).length;
        return shown(`Median strategic share in ${quarter}: ${percent(value)} across ${n} leaders; ${under} of ${n} under their target.`, value, n, quarter);
      })();

  evidence['leadership-quality'] = groupHidden
    ? hidden(quarter, k, `Median developmental share in ${quarter}`)
    : (() => {
        const value = median(withData.map(({ member }) => member.figures!.minutes.developmental / member.figures!.countedMinutes))!;
        return shown(`Median developmental share in ${quarter}: ${percent(value)} across ${n} leaders (time spent developing leaders, themselves included).`, value, n, quarter);
      })();

  evidence['protected-planning-time'] = groupHidden
    ? hidden(quarter, k, `Leaders with enough protected planning days in ${quarter}`)
    : (() => {
        const meeting = withData.filter(({ row }) => !row.flags.some((flag) => flag.code === 'missing-planning-days')).length;
        return shown(`${meeting} of ${n} leaders (${percent(meeting / n)}) had at least their target of protected planning days in ${quarter}.`, meeting / n, n, quarter);
      })();

  evidence['capability-plan'] = groupHidden
    ? hidden(quarter, k, `Leaders with a talent review, succession or calibration session in ${quarter}`)
    : (() => {
        const talent = withData.filter(({ row }) => row.talentReviews! > 0).length;
        return shown(`${talent} of ${n} leaders (${percent(talent / n)}) had a talent review, succession or calibration session in ${quarter}.`, talent / n, n, quarter);
      })();

  // Only members who let HR know; any of this HR user's cohorts will do, as HR reads it on that one's table.
  const statuses = [...loadCoachingStatuses(db, own).values()].filter((status) => status !== 'not-shared');
  const sharing = statuses.length;
  evidence['transition-support'] =
    decideGroupSize(sharing, k) !== null
      ? hidden(null, k, 'Members working with a coach', `fewer than ${k} members share whether they do`)
      : (() => {
          const coached = statuses.filter((status) => status === 'coached').length;
          return shown(`${coached} of ${sharing} members who share it work with a coach through Altitude.`, coached / sharing, sharing, null);
        })();

  return evidence;
}

function shown(text: string, value: number | null, people: number | null, quarter: string | null): EvidenceView {
  return { kind: 'shown', text, value, people, quarter };
}

/** Every piece of evidence is over a single group, so the size rule is the only one that hides it. */
function hidden(quarter: string | null, k: number, what: string, fewer = `fewer than ${k} people have data`): EvidenceView {
  return { kind: 'hidden', text: `${what}: ${fewer}, so it is hidden to protect individuals.`, suppression: 'fewer-than-k', quarter };
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
