import type { Rule } from '../../../shared/rules.ts';
import { issue } from '../ics/import-issue.ts';
import { inferLeader } from '../ics/infer-leader.ts';
import { isValidZone } from '../ics/resolve-time-zone.ts';
import type { CountingSettings } from '../metrics/counting-settings.ts';
import type { Period } from '../metrics/summarise-period.ts';
import { createClassifier } from '../rules/classify-event.ts';
import { classifyRecords } from '../rules/classify-records.ts';
import { DEFAULT_RULES } from '../rules/default-rules.ts';
import { buildLeaderContext } from '../rules/rule-subject.ts';
import { buildAuditReport, type AuditReport } from './build-report.ts';
import { describeZoneChoice, readCalendar } from './read-calendar.ts';
import { expansionWindowFor, InvalidPeriod, resolvePeriod } from './resolve-period.ts';

export interface AuditOptions {
  /** The leader's e-mail; inferred from the file when absent. */
  me?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** The leader's zone; the calendar's own zone when absent. */
  timeZone?: string | undefined;
  nowMs: number;
  settings: CountingSettings;
  /** The user's rules; the defaults always follow them. */
  userRules?: readonly Rule[];
  unitDomains?: readonly string[];
  unitMembers?: readonly string[];
}

/** Analyses one calendar text without storing anything: parse, expand, classify, count. */
export function auditCalendar(text: string, options: AuditOptions): AuditReport {
  if (options.timeZone !== undefined && !isValidZone(options.timeZone)) {
    throw new InvalidPeriod(`tz "${options.timeZone}" is not a time zone (use an IANA name such as Europe/Berlin)`, ['tz']);
  }
  let period!: Period;
  const reading = readCalendar(text, options.timeZone, (calendarZone) => {
    period = resolvePeriod(options, options.timeZone ?? calendarZone, options.nowMs);
    return expansionWindowFor(period);
  });
  const { calendar } = reading;
  const timeZone = period.timeZone;
  const issues = [...reading.issues, describeZoneChoice(timeZone, options.timeZone ? 'asked' : calendar.zoneSource)];

  const identity = options.me ? { email: options.me.trim().toLowerCase(), inferredFrom: null } : inferLeader(calendar.name, calendar.events);
  if (identity.inferredFrom) {
    issues.push(issue('info', 'identity-inferred', `The leader was taken to be ${identity.email}, from ${identity.inferredFrom}; pass --me to say otherwise.`));
  } else if (!identity.email) {
    issues.push(issue('info', 'identity-unknown', 'Whose calendar this is could not be told (no organisers or attendees); pass --me.'));
  }

  const { records, instances } = reading;
  const leader = buildLeaderContext(identity.email ?? '', options.unitDomains, options.unitMembers);
  const classify = createClassifier([...(options.userRules ?? []), ...DEFAULT_RULES]);
  const placements = classifyRecords(records, leader, classify, (index) => instances[index]!.event);

  return buildAuditReport({
    placed: records.map((record, index) => ({ record, ...placements[index]! })),
    period,
    nowMs: options.nowMs,
    settings: options.settings,
    leader: identity,
    issues,
  });
}
