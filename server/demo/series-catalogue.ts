import type { Attendance, Person } from './event-model.ts';
import { FRIDAY, MONDAY } from './local-time.ts';
import { fillTitleTemplate, makeTitle, type PlanContext } from './plan-context.ts';
import type { Random } from './random.ts';
import { listActiveDirects } from './roster.ts';
import { listStarts, type SeriesSpec } from './series-schedule.ts';
import type { PeerUnitKey } from './vocabulary.ts';

// The standing meetings of a Leader of Leaders. Order matters: earlier series get their
// preferred slot (lunch and the stand-up before the 1:1s, the 1:1s before monthly reviews).

const QUARTER_START_MONTHS = [1, 4, 7, 10] as const;

function listAccepted(organizer: Person, leader: Person, guests: readonly Person[]): Attendance[] {
  const seen = new Set<string>();
  const attendees: Attendance[] = [];
  for (const person of [leader, organizer, ...guests]) {
    if (seen.has(person.email)) continue;
    seen.add(person.email);
    attendees.push({ person, partStat: 'ACCEPTED' });
  }
  return attendees;
}

function atFraction(context: PlanContext, fraction: number): number {
  return context.firstDay + Math.round((context.lastDay - context.firstDay) * fraction);
}

function buildPersonalSeries(context: PlanContext, random: Random): SeriesSpec[] {
  const { firstDay } = context;
  const personal = (key: string, titleKey: 'lunch' | 'gym' | 'schoolRun'): Omit<SeriesSpec, 'cadence' | 'weekdayChoices' | 'startChoices' | 'duration'> => ({
    key,
    titleKey,
    summary: makeTitle(context, random, titleKey, firstDay),
    intent: 'excluded',
    exclusion: 'personal',
    startsOnOrAfter: firstDay - random.int(30, 400),
    attendees: [],
    isLeaderOrganiser: true,
    hasOnlineMeeting: false,
    isPrivate: random.chance(0.3),
    createdDaysBefore: random.int(1, 10),
  });
  const specs: SeriesSpec[] = [
    {
      ...personal('series:lunch', 'lunch'),
      cadence: { kind: 'every-weekday' },
      weekdayChoices: [],
      startChoices: random.chance(0.7) ? [12 * 60] : [12 * 60 + 30],
      duration: random.pick([45, 60, 60]),
    },
  ];
  if (random.chance(0.45)) {
    specs.push({
      ...personal('series:school-run', 'schoolRun'),
      cadence: { kind: 'weekly', interval: 1 },
      weekdayChoices: [random.int(MONDAY, FRIDAY)],
      startChoices: [8 * 60],
      duration: 30,
    });
  }
  if (random.chance(0.5)) {
    specs.push({
      ...personal('series:gym', 'gym'),
      cadence: { kind: 'weekly', interval: 1 },
      weekdayChoices: [2, 4],
      startChoices: [17 * 60 + 30],
      duration: 60,
    });
  }
  return specs;
}

function buildOneOnOneSeries(context: PlanContext, random: Random): SeriesSpec[] {
  const { roster, settings, vocabulary } = context;
  const developmentTemplate = random.pick(vocabulary.titles.oneOnOne);
  const statusTemplate = random.pick(vocabulary.titles.oneOnOneStatus);
  return roster.directs.map((direct) => {
    const isWeekly = random.chance(settings.weeklyOneOnOneShare);
    const isStatus = random.chance(settings.statusOneOnOneShare);
    const template = isStatus ? statusTemplate : developmentTemplate;
    // Reports who were there before the calendar starts have had their 1:1 for a while.
    const isLongStanding = direct.firstDay <= context.firstDay;
    // Many reports send the 1:1 invitation themselves.
    const isLeaderOrganiser = random.chance(0.65);
    const organizer = isLeaderOrganiser ? roster.leader : direct;
    return {
      key: `series:one-on-one:${direct.email}`,
      titleKey: isStatus ? 'oneOnOneStatus' : 'oneOnOne',
      summary: fillTitleTemplate(context, random, template, direct.firstDay, { person: direct.firstName }),
      intent: isStatus ? 'operational' : 'developmental',
      cadence: { kind: 'weekly', interval: isWeekly ? 1 : 2 },
      weekdayChoices: [1, 2, 3, 4, 5],
      startChoices: listStarts(9, 17),
      duration: isWeekly ? settings.oneOnOneMinutes : Math.min(60, settings.oneOnOneMinutes + 15),
      startsOnOrAfter: isLongStanding ? context.firstDay - random.int(20, 300) : direct.firstDay + random.int(2, 6),
      ...(direct.lastDay < context.lastDay ? { endsOnOrBefore: direct.lastDay } : {}),
      organizer,
      attendees: listAccepted(organizer, roster.leader, [direct]),
      isLeaderOrganiser,
      hasOnlineMeeting: random.chance(0.3),
      isPrivate: false,
      createdDaysBefore: random.int(3, 14),
      counterpart: direct,
    } satisfies SeriesSpec;
  });
}

function buildLeadershipSeries(context: PlanContext, random: Random): SeriesSpec[] {
  const { roster, settings, firstDay, vocabulary } = context;
  const currentDirects = listActiveDirects(roster, context.lastDay);
  const peerHeads = (['finance', 'sales', 'product', 'it', 'marketing'] as const)
    .map((key) => roster.peers[key][0])
    .filter((person): person is Person => person !== undefined);
  const specs: SeriesSpec[] = [];

  if (settings.hasStandUp) {
    // Operational leaders run the daily stand-up themselves: the previous role, held on to.
    specs.push({
      key: 'series:stand-up',
      titleKey: 'standUp',
      summary: makeTitle(context, random, 'standUp', firstDay),
      intent: 'operational',
      cadence: { kind: 'every-weekday' },
      weekdayChoices: [],
      startChoices: [8 * 60 + 30, 8 * 60 + 45, 9 * 60],
      duration: 15,
      startsOnOrAfter: firstDay - random.int(60, 500),
      organizer: roster.leader,
      attendees: listAccepted(roster.leader, roster.leader, currentDirects),
      isLeaderOrganiser: true,
      hasOnlineMeeting: true,
      isPrivate: false,
      createdDaysBefore: random.int(3, 10),
    });
  }

  // The business manager often owns the leadership team's invitation.
  const staffOrganizer = random.chance(0.7) ? roster.leader : roster.businessManager;
  specs.push({
    key: 'series:staff-meeting',
    titleKey: 'staffMeeting',
    summary: makeTitle(context, random, 'staffMeeting', firstDay),
    intent: 'operational',
    cadence: { kind: 'weekly', interval: 1 },
    weekdayChoices: [MONDAY, 2],
    startChoices: [9 * 60, 9 * 60 + 30, 10 * 60],
    duration: settings.hasStandUp ? 60 : 90,
    startsOnOrAfter: firstDay - random.int(60, 500),
    organizer: staffOrganizer,
    attendees: listAccepted(staffOrganizer, roster.leader, [...currentDirects, roster.businessManager]),
    isLeaderOrganiser: staffOrganizer === roster.leader,
    hasOnlineMeeting: true,
    location: random.pick(vocabulary.rooms),
    isPrivate: false,
    createdDaysBefore: random.int(5, 20),
  });

  specs.push({
    key: 'series:exec-staff',
    titleKey: 'execStaffMeeting',
    summary: makeTitle(context, random, 'execStaffMeeting', firstDay),
    intent: 'operational',
    cadence: { kind: 'weekly', interval: 1 },
    weekdayChoices: [MONDAY, 2],
    startChoices: listStarts(13, 16),
    duration: 60,
    startsOnOrAfter: firstDay - random.int(200, 700),
    organizer: roster.boss,
    attendees: listAccepted(roster.boss, roster.leader, peerHeads.slice(0, 4)),
    isLeaderOrganiser: false,
    hasOnlineMeeting: true,
    isPrivate: false,
    createdDaysBefore: random.int(5, 20),
  });

  if (settings.strategicBlock !== 'none') {
    // Some leaders only start protecting strategy time part-way through the year.
    const startFraction = context.options.profile === 'strategic' ? 0 : random.next() * 0.25;
    specs.push({
      key: 'series:strategic-block',
      titleKey: 'strategicBlock',
      summary: makeTitle(context, random, 'strategicBlock', firstDay),
      intent: 'strategic',
      cadence: { kind: 'weekly', interval: settings.strategicBlock === 'weekly' ? 1 : 2 },
      weekdayChoices: [FRIDAY, 3],
      startChoices: [8 * 60, 8 * 60 + 30, 9 * 60],
      duration: 120,
      startsOnOrAfter: atFraction(context, startFraction),
      attendees: [],
      isLeaderOrganiser: true,
      hasOnlineMeeting: false,
      isPrivate: false,
      createdDaysBefore: random.int(1, 7),
    });
  }

  specs.push({
    key: 'series:inbox-admin',
    titleKey: 'inboxAdmin',
    summary: makeTitle(context, random, 'inboxAdmin', firstDay),
    intent: 'operational',
    cadence: { kind: 'weekly', interval: 1 },
    weekdayChoices: [FRIDAY],
    startChoices: [15 * 60 + 30, 16 * 60, 16 * 60 + 30],
    duration: 60,
    startsOnOrAfter: firstDay - random.int(30, 200),
    attendees: [],
    isLeaderOrganiser: true,
    hasOnlineMeeting: false,
    isPrivate: false,
    createdDaysBefore: random.int(1, 7),
  });

  if (settings.hasEscalationReview) {
    specs.push({
      key: 'series:escalation-review',
      titleKey: 'escalationReview',
      summary: makeTitle(context, random, 'escalationReview', firstDay),
      intent: 'operational',
      cadence: { kind: 'weekly', interval: 1 },
      weekdayChoices: [3, 4],
      startChoices: listStarts(10, 15),
      duration: 60,
      startsOnOrAfter: firstDay - random.int(30, 300),
      organizer: roster.leader,
      attendees: listAccepted(roster.leader, roster.leader, [...currentDirects.slice(0, 4), ...roster.peers.sales.slice(0, 1)]),
      isLeaderOrganiser: true,
      hasOnlineMeeting: true,
      isPrivate: false,
      createdDaysBefore: random.int(3, 10),
    });
  }
  return specs;
}

function buildPeerSeries(context: PlanContext, random: Random): SeriesSpec[] {
  const { roster, settings, vocabulary, firstDay } = context;
  const units = random.shuffle<PeerUnitKey>(['finance', 'sales', 'product', 'it', 'marketing', 'procurement']).slice(0, settings.peerSyncSeries);
  return units.map((unit, index) => {
    const [head, colleague] = roster.peers[unit];
    const peer = head ?? roster.boss;
    const isLeaderOrganiser = random.chance(0.5);
    const organizer = isLeaderOrganiser ? roster.leader : peer;
    const guests = colleague && random.chance(0.3) ? [peer, colleague] : [peer];
    // The second sync stops when that unit is reorganised; the third only starts later on.
    const endsOnOrBefore = index === 1 ? atFraction(context, 0.55 + random.next() * 0.2) : undefined;
    const startsOnOrAfter = index === 2 ? atFraction(context, 0.2 + random.next() * 0.2) : firstDay - random.int(30, 300);
    return {
      key: `series:peer-sync:${unit}`,
      titleKey: 'peerSync',
      summary: makeTitle(context, random, 'peerSync', firstDay, { unit: vocabulary.peerUnits[unit], person: peer.firstName }),
      intent: 'cross-functional',
      cadence: { kind: 'weekly', interval: 2 },
      weekdayChoices: [2, 3, 4, 5],
      startChoices: listStarts(9, 17),
      duration: random.pick([30, 45, 45]),
      startsOnOrAfter,
      ...(endsOnOrBefore !== undefined ? { endsOnOrBefore } : {}),
      organizer,
      attendees: listAccepted(organizer, roster.leader, guests),
      isLeaderOrganiser,
      hasOnlineMeeting: random.chance(0.6),
      isPrivate: false,
      createdDaysBefore: random.int(3, 14),
    } satisfies SeriesSpec;
  });
}

function buildMonthlySeries(context: PlanContext, random: Random): SeriesSpec[] {
  const { roster, settings, firstDay, options } = context;
  const currentDirects = listActiveDirects(roster, context.lastDay);
  const hrPartner = roster.peers.people[0] ?? roster.boss;
  const financePartner = roster.peers.finance[1] ?? roster.boss;
  const specs: SeriesSpec[] = [];

  if (settings.hasPortfolioReview) {
    const isLeaderOrganiser = random.chance(0.6);
    const organizer = isLeaderOrganiser ? roster.leader : roster.boss;
    specs.push({
      key: 'series:portfolio-review',
      titleKey: 'portfolioReview',
      summary: makeTitle(context, random, 'portfolioReview', firstDay),
      intent: 'strategic',
      cadence: { kind: 'monthly', interval: 1, nth: random.pick([2, 3]) },
      weekdayChoices: [3, 4],
      startChoices: listStarts(9, 15),
      duration: 90,
      startsOnOrAfter: firstDay - random.int(30, 400),
      organizer,
      attendees: listAccepted(organizer, roster.leader, [...currentDirects, financePartner, ...roster.peers.product.slice(0, 1)]),
      isLeaderOrganiser,
      hasOnlineMeeting: true,
      isPrivate: false,
      createdDaysBefore: random.int(5, 30),
    });
  }

  const execPeers = (['finance', 'sales', 'product', 'marketing'] as const)
    .map((key) => roster.peers[key][0])
    .filter((person): person is Person => person !== undefined);
  specs.push({
    key: 'series:business-review',
    titleKey: 'businessReview',
    summary: makeTitle(context, random, 'businessReview', firstDay),
    intent: 'operational',
    cadence: { kind: 'monthly', interval: 3, nth: 2, anchorMonths: QUARTER_START_MONTHS },
    weekdayChoices: [3, 4],
    startChoices: [13 * 60 + 30, 14 * 60],
    duration: 180,
    startsOnOrAfter: firstDay - random.int(100, 500),
    organizer: roster.boss,
    attendees: listAccepted(roster.boss, roster.leader, execPeers),
    isLeaderOrganiser: false,
    hasOnlineMeeting: false,
    location: random.pick(context.vocabulary.rooms),
    isPrivate: false,
    createdDaysBefore: random.int(10, 40),
  });

  const isBudgetByLeader = random.chance(0.3);
  specs.push({
    key: 'series:budget-tracking',
    titleKey: 'budgetTracking',
    summary: makeTitle(context, random, 'budgetTracking', firstDay),
    intent: 'operational',
    cadence: { kind: 'monthly', interval: 1, nth: 1 },
    weekdayChoices: [MONDAY, 2],
    startChoices: listStarts(10, 16),
    duration: 60,
    startsOnOrAfter: firstDay - random.int(30, 300),
    organizer: isBudgetByLeader ? roster.leader : roster.businessManager,
    attendees: listAccepted(isBudgetByLeader ? roster.leader : roster.businessManager, roster.leader, [roster.businessManager, financePartner]),
    isLeaderOrganiser: isBudgetByLeader,
    hasOnlineMeeting: true,
    isPrivate: false,
    createdDaysBefore: random.int(5, 20),
  });

  const steeringHost = roster.peers.product[0] ?? roster.boss;
  specs.push({
    key: 'series:steering-committee',
    titleKey: 'steeringCommittee',
    summary: makeTitle(context, random, 'steeringCommittee', firstDay),
    intent: 'cross-functional',
    cadence: { kind: 'monthly', interval: 1, nth: 1 },
    weekdayChoices: [2, 4],
    startChoices: listStarts(10, 15),
    duration: 90,
    startsOnOrAfter: atFraction(context, 0.15 + random.next() * 0.2),
    endsOnOrBefore: atFraction(context, 0.75 + random.next() * 0.15),
    organizer: steeringHost,
    attendees: listAccepted(steeringHost, roster.leader, [roster.boss, ...execPeers.slice(0, 3), ...currentDirects.slice(0, 1)]),
    isLeaderOrganiser: false,
    hasOnlineMeeting: true,
    isPrivate: false,
    createdDaysBefore: random.int(7, 30),
  });

  // Works councils meet monthly in Germany and France; elsewhere a quarterly employee forum.
  const isMonthlyCouncil = options.language === 'de' || options.language === 'fr' || options.language === 'es';
  const councilChair = roster.worksCouncil[0] ?? hrPartner;
  specs.push({
    key: 'series:works-council',
    titleKey: 'worksCouncil',
    summary: makeTitle(context, random, 'worksCouncil', firstDay),
    intent: 'cross-functional',
    cadence: isMonthlyCouncil
      ? { kind: 'monthly', interval: 1, nth: 1 }
      : { kind: 'monthly', interval: 3, nth: 3, anchorMonths: [2, 5, 8, 11] },
    weekdayChoices: [3],
    startChoices: listStarts(10, 15),
    duration: 60,
    startsOnOrAfter: firstDay - random.int(30, 400),
    organizer: councilChair,
    attendees: listAccepted(councilChair, roster.leader, [...roster.worksCouncil, hrPartner]),
    isLeaderOrganiser: false,
    hasOnlineMeeting: false,
    isPrivate: false,
    createdDaysBefore: random.int(7, 30),
  });

  if (settings.hasSkipLevelRound) {
    const skips = currentDirects.flatMap((direct) => direct.skipReports.slice(0, 1));
    specs.push({
      key: 'series:skip-level-round',
      titleKey: 'skipLevelRound',
      summary: makeTitle(context, random, 'skipLevelRound', firstDay),
      intent: 'developmental',
      cadence: { kind: 'monthly', interval: 1, nth: -1 },
      weekdayChoices: [4, FRIDAY],
      startChoices: [8 * 60, 8 * 60 + 30],
      duration: 60,
      startsOnOrAfter: firstDay - random.int(30, 200),
      organizer: roster.leader,
      attendees: listAccepted(roster.leader, roster.leader, skips),
      isLeaderOrganiser: true,
      hasOnlineMeeting: false,
      isPrivate: false,
      createdDaysBefore: random.int(7, 30),
    });
  }

  if (settings.hasMentoring) {
    const isLeaderOrganiser = random.chance(0.5);
    const organizer = isLeaderOrganiser ? roster.leader : roster.mentee;
    specs.push({
      key: 'series:mentoring',
      titleKey: 'mentoring',
      summary: makeTitle(context, random, 'mentoring', firstDay, { person: roster.mentee.firstName }),
      intent: 'developmental',
      cadence: { kind: 'monthly', interval: 1, nth: 3 },
      weekdayChoices: [2, 3, 4],
      startChoices: listStarts(11, 17),
      duration: 60,
      startsOnOrAfter: atFraction(context, 0.05 + random.next() * 0.15),
      endsOnOrBefore: atFraction(context, 0.6 + random.next() * 0.15),
      organizer,
      attendees: listAccepted(organizer, roster.leader, [roster.mentee]),
      isLeaderOrganiser,
      hasOnlineMeeting: random.chance(0.5),
      isPrivate: false,
      createdDaysBefore: random.int(5, 20),
    });
  }

  if (settings.hasWorkforceReview) {
    specs.push({
      key: 'series:workforce-review',
      titleKey: 'workforceReview',
      summary: makeTitle(context, random, 'workforceReview', firstDay),
      intent: 'organisational-planning',
      cadence: { kind: 'monthly', interval: 1, nth: 2 },
      weekdayChoices: [2],
      startChoices: listStarts(10, 15),
      duration: 60,
      startsOnOrAfter: firstDay - random.int(30, 300),
      organizer: roster.leader,
      attendees: listAccepted(roster.leader, roster.leader, [hrPartner, roster.businessManager, financePartner]),
      isLeaderOrganiser: true,
      hasOnlineMeeting: true,
      isPrivate: false,
      createdDaysBefore: random.int(5, 20),
    });
  }

  if (settings.hasOwnCoaching) {
    const startsOnOrAfter = atFraction(context, 0.3 + random.next() * 0.15);
    specs.push({
      key: 'series:own-coaching',
      titleKey: 'ownCoaching',
      summary: makeTitle(context, random, 'ownCoaching', firstDay),
      intent: 'developmental',
      cadence: { kind: 'weekly', interval: 2 },
      weekdayChoices: [2, 3, 4],
      startChoices: listStarts(8, 17),
      duration: 60,
      startsOnOrAfter,
      // A coaching contract of about a dozen sessions.
      endsOnOrBefore: startsOnOrAfter + 14 * random.int(10, 12),
      organizer: roster.coach,
      attendees: listAccepted(roster.coach, roster.leader, []),
      isLeaderOrganiser: false,
      hasOnlineMeeting: true,
      isPrivate: random.chance(0.4),
      createdDaysBefore: random.int(3, 14),
    });
  }
  return specs;
}

/** Every standing series for the leader, in slot-priority order. */
export function buildSeriesSpecs(context: PlanContext, random: Random): SeriesSpec[] {
  return [
    ...buildPersonalSeries(context, random),
    ...buildLeadershipSeries(context, random),
    ...buildOneOnOneSeries(context, random),
    ...buildPeerSeries(context, random),
    ...buildMonthlySeries(context, random),
  ];
}
