import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { conditionSchema } from '../../../shared/rules.ts';
import type { Placement } from '../../../shared/taxonomy.ts';
import { createClassifier } from '../../../server/domain/rules/classify-event.ts';
import { DEFAULT_RULES } from '../../../server/domain/rules/default-rules.ts';
import type { RuleSubject } from '../../../server/domain/rules/rule-subject.ts';
import { subject } from '../../support/rule-subject.ts';

const classify = createClassifier(DEFAULT_RULES);
const place = (over: Partial<RuleSubject>) => classify(subject(over));

test('every default rule is a valid rule, with a unique id', () => {
  for (const rule of DEFAULT_RULES) for (const condition of rule.conditions) expect(conditionSchema.safeParse(condition).success, rule.id).toBe(true);
  expect(new Set(DEFAULT_RULES.map((r) => r.id)).size).toBe(DEFAULT_RULES.length);
});

// The principles of TAXONOMY.md, one row each.
describe('the taxonomy principles', () => {
  test.each<[string, Partial<RuleSubject>, Placement]>([
    ['declined is excluded', { title: 'Strategy review', attendeeCount: 6, myResponse: 'declined' }, 'excluded'],
    ['cancelled is excluded', { title: 'Talent review', attendeeCount: 6, status: 'cancelled' }, 'excluded'],
    ["Outlook's Canceled: prefix is excluded", { title: 'Canceled: Ops review', attendeeCount: 4 }, 'excluded'],
    ['marked free is excluded', { title: 'Budget review', attendeeCount: 3, showAs: 'free' }, 'excluded'],
    ['out of office is excluded', { title: 'OOO', allDay: true }, 'excluded'],
    ['personal is excluded', { title: 'Dentist' }, 'excluded'],
    ['lunch alone is excluded', { title: 'Lunch' }, 'excluded'],
    ['travel is excluded', { title: 'Flight to London (LH 902)' }, 'excluded'],
    ['an explicit calendar category places the event', { title: 'Deep work', categories: ['Strategic'] }, 'strategic'],
    ['a category label in another language', { title: 'Block', categories: ['Organisationsplanung'] }, 'organisational-planning'],
    ['an unrelated colour category is ignored', { title: 'Focus time', categories: ['Blue Category'] }, 'unclassified'],
    ['talent review is organisational planning', { title: 'Q3 talent review – Engineering', attendeeCount: 6 }, 'organisational-planning'],
    ['a talent review with HR is still organisational planning', { title: 'Talent review with HR', attendeeCount: 3, outsideShare: 1 }, 'organisational-planning'],
    ['succession planning', { title: 'Succession planning: platform leads', attendeeCount: 2 }, 'organisational-planning'],
    ['a planning day with no description', { title: 'Planning day', allDay: true }, 'organisational-planning'],
    ['a planning day marked free (calendars create all-day entries free)', { title: 'Planning day', allDay: true, showAs: 'free' }, 'organisational-planning'],
    ['an all-day entry marked free that is not a working day', { title: 'Mum visiting', allDay: true, showAs: 'free' }, 'excluded'],
    ['a bare planning block', { title: 'Planning' }, 'organisational-planning'],
    ['a French quarter planning block (T = trimestre)', { title: 'Planification T2' }, 'organisational-planning'],
    ['a Spanish quarter planning block', { title: 'Planificación T2' }, 'organisational-planning'],
    ['a French blocked organisation-planning day', { title: 'Planification organisation (bloqué)', allDay: true }, 'organisational-planning'],
    ['a Spanish reserved organisation-planning day', { title: 'Planificación organizativa (reservado)', allDay: true }, 'organisational-planning'],
    ['a French quarterly planning day, abbreviated', { title: 'Journée planif trimestrielle', allDay: true }, 'organisational-planning'],
    ['a German blocked organisation-planning day', { title: 'Organisationsplanung (geblockt)', allDay: true }, 'organisational-planning'],
    ['a hold takes the category of what it protects', { title: 'Hold: capability plan' }, 'organisational-planning'],
    ['focus time alone needs a decision', { title: 'Focus time' }, 'unclassified'],
    ['strategy session', { title: 'Strategy session: 2027 priorities', attendeeCount: 5 }, 'strategic'],
    ['offsite', { title: 'Leadership offsite', allDay: true, attendeeCount: 12 }, 'strategic'],
    ['OKR setting is strategic', { title: 'OKR setting for the unit', attendeeCount: 6 }, 'strategic'],
    ['OKR check-in is a status update', { title: 'OKR check-in', attendeeCount: 6 }, 'operational'],
    ['a 1:1 with a direct report is developmental', { title: '1:1 Sam / Maya', attendeeCount: 1 }, 'developmental'],
    ['a 1:1 that says status is operational', { title: '1:1 Sam – status update', attendeeCount: 1 }, 'operational'],
    ['a 1:1 with a peer from another unit is cross-functional', { title: '1:1 Julia (Head of Sales)', attendeeCount: 1, outsideShare: 1 }, 'cross-functional'],
    ['coaching', { title: 'Coaching session', attendeeCount: 1, outsideShare: 1 }, 'developmental'],
    ['onboarding a new manager', { title: 'Onboarding: new team lead', attendeeCount: 1 }, 'developmental'],
    ['customer onboarding is not developmental', { title: 'Customer onboarding call', attendeeCount: 4, outsideShare: 1 }, 'operational'],
    ['a conference is developmental', { title: 'Leadership conference day 1', allDay: true }, 'developmental'],
    ['a routine team meeting is operational', { title: 'Team meeting', attendeeCount: 7, recurring: true }, 'operational'],
    ['a team meeting that names strategy is strategic', { title: 'Team meeting: strategy for 2027', attendeeCount: 7 }, 'strategic'],
    ['a steering committee is cross-functional', { title: 'Project Falcon steering committee', attendeeCount: 9, outsideShare: 0.6 }, 'cross-functional'],
    ['the works council is cross-functional', { title: 'Betriebsrat Quartalsgespräch', attendeeCount: 5 }, 'cross-functional'],
    ['mostly other units on an operational topic is cross-functional', { title: 'Escalation review', attendeeCount: 6, outsideShare: 0.8 }, 'cross-functional'],
    ["the unit's own vendor is operational", { title: 'Vendor delivery call', attendeeCount: 4, outsideShare: 1 }, 'operational'],
    ['an incident call is operational', { title: 'Incident bridge: checkout latency', attendeeCount: 12 }, 'operational'],
    ['inbox time is operational', { title: 'Inbox & admin' }, 'operational'],
    ['a sync with nobody from another unit needs a decision', { title: 'Sync', attendeeCount: 2 }, 'unclassified'],
    ['a sync with other units is cross-functional', { title: 'Sync', attendeeCount: 8, outsideShare: 0.8 }, 'cross-functional'],
    ['a recurring meeting with one person of the unit is a 1:1', { title: 'Sam / Maya', attendeeCount: 1, recurring: true }, 'developmental'],
  ])('%s', (_name, over, expected) => {
    expect(place(over).category).toBe(expected);
  });
});

describe('meetings whose titles only sound personal are work, not excluded', () => {
  test.each<[string, Partial<RuleSubject>]>([
    ['Personal development plan review', { attendeeCount: 1 }],
    ['Private equity board prep', { attendeeCount: 4 }],
    ['Sport sponsorship committee', { attendeeCount: 6 }],
    ['Running order for town hall', { attendeeCount: 3 }],
    ['Drive strategy: EV portfolio', { attendeeCount: 5 }],
    ['Train the trainer: coaching skills', { attendeeCount: 8 }],
    ['ICE rollout status', { attendeeCount: 4 }],
    ['Travel policy review', { attendeeCount: 3 }],
    ['Flight ops incident review', { attendeeCount: 7 }],
    ['Sickness absence review', { attendeeCount: 2 }],
    ['Holiday cover planning', { attendeeCount: 4 }],
    ['Holiday cover planning', {}],
    ['Krankenhausleitung Abstimmung', { attendeeCount: 3 }],
    ['Urlaubsplanung Team', { attendeeCount: 6 }],
    ['Arztbrief-Prozess Review', {}],
    ['Revue absentéisme', { attendeeCount: 4 }],
    ['Vuelo de prueba: revisión de seguridad', { attendeeCount: 5 }],
  ])('%s', (title, over) => {
    expect(place({ title, ...over }).category).not.toBe('excluded');
  });

  test("a user's rule claims a title the defaults would read as travel", () => {
    const mine = { id: 'user:1', origin: 'user' as const, priority: 1, name: 'Drive work', enabled: true, match: 'all' as const, stage: 'classification' as const, category: 'strategic' as const, conditions: [{ field: 'title' as const, op: 'starts-with' as const, value: 'Drive' }] };
    expect(createClassifier([mine, ...DEFAULT_RULES])(subject({ title: 'Drive to plant' })).category).toBe('strategic');
    expect(place({ title: 'Drive to plant' }).category).toBe('excluded');
  });

  test('a calendar category must name a category, not merely contain its word', () => {
    expect(place({ title: 'Pipeline', categories: ['Business Development'], attendeeCount: 3 }).category).not.toBe('developmental');
    expect(place({ title: 'Account plan', categories: ['Strategic accounts'], attendeeCount: 3 }).category).not.toBe('strategic');
    expect(place({ title: 'Account plan', categories: ['Strategy'], attendeeCount: 3 }).category).toBe('strategic');
  });
});

describe('in German, French and Spanish', () => {
  test.each<[string, Partial<RuleSubject>, Placement]>([
    ['Strategieklausur', { title: 'Strategieklausur Bereich IT', attendeeCount: 8 }, 'strategic'],
    ['Nachfolgeplanung', { title: 'Nachfolgeplanung Teamleitungen', attendeeCount: 2 }, 'organisational-planning'],
    ['Jour fixe with one person', { title: 'Jour fixe Stefan', attendeeCount: 1 }, 'developmental'],
    ['Jour fixe with the whole team', { title: 'Jour fixe Team Plattform', attendeeCount: 8, recurring: true }, 'operational'],
    ['Urlaub', { title: 'Urlaub', allDay: true }, 'excluded'],
    ['Revue des talents', { title: 'Revue des talents – Direction technique', attendeeCount: 5 }, 'organisational-planning'],
    ['Point hebdo', { title: "Point hebdo d'équipe", attendeeCount: 6, recurring: true }, 'operational'],
    ['Comité de pilotage', { title: 'Comité de pilotage Projet Atlas', attendeeCount: 10, outsideShare: 0.7 }, 'cross-functional'],
    ['Congés', { title: 'Congés', allDay: true }, 'excluded'],
    ['Revisión de talento', { title: 'Revisión de talento Q2', attendeeCount: 4 }, 'organisational-planning'],
    ['Reunión de seguimiento', { title: 'Reunión de seguimiento semanal', attendeeCount: 5, recurring: true }, 'operational'],
    ['Planificación estratégica', { title: 'Planificación estratégica 2027', attendeeCount: 6 }, 'strategic'],
    ['Vacaciones', { title: 'Vacaciones', allDay: true }, 'excluded'],
  ])('%s', (_name, over, expected) => {
    expect(place(over).category).toBe(expected);
  });
});

test('every placement says why: the rule and what matched, or that no rule matched', () => {
  const placed = place({ title: 'Q3 talent review', attendeeCount: 5 });
  expect(placed.reason).toMatchObject({ kind: 'rule', ruleId: 'default:purpose-unit-talent-and-design', origin: 'default', matched: [{ field: 'title', op: 'mentions', matched: 'talent' }] });
  expect(place({ title: 'Focus time' }).reason).toEqual({ kind: 'none' });
});

interface CorpusEntry {
  title: string;
  lang: string;
  attendees: number;
  outside: number;
  organizer: 'self' | 'other';
  minutes: number;
  allDay: boolean;
  recurring: boolean;
  categories: string[];
  status: 'confirmed' | 'tentative' | 'cancelled';
  transparency: 'opaque' | 'transparent';
  myResponse: RuleSubject['myResponse'];
  expected: Placement;
}

function scoreCorpus(file: string): Map<string, { right: number; total: number }> {
  const corpus = JSON.parse(readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8')) as CorpusEntry[];
  const byLanguage = new Map<string, { right: number; total: number }>();
  for (const entry of corpus) {
    const placed = place({
      title: entry.title,
      categories: entry.categories,
      attendeeCount: entry.attendees,
      outsideShare: entry.outside,
      organizer: entry.organizer,
      durationMinutes: entry.allDay ? 1440 : entry.minutes,
      allDay: entry.allDay,
      recurring: entry.recurring,
      status: entry.status,
      showAs: entry.transparency === 'transparent' ? 'free' : 'busy',
      myResponse: entry.myResponse,
    });
    const tally = byLanguage.get(entry.lang) ?? { right: 0, total: 0 };
    tally.total++;
    if (placed.category === entry.expected) tally.right++;
    byLanguage.set(entry.lang, tally);
  }
  return byLanguage;
}

// A labelled corpus of 487 realistic entries in four languages, written from TAXONOMY.md by
// someone who had not seen the rules. The rules were revised once against it, so this guards
// against regressions rather than measuring generalisation (see the README).
test('the default rules place the labelled corpus as the taxonomy says, in every language', () => {
  const byLanguage = scoreCorpus('classification-corpus.json');
  expect([...byLanguage.keys()].sort()).toEqual(['de', 'en', 'es', 'fr']);
  for (const [language, { right, total }] of byLanguage) expect(right / total, language).toBeGreaterThanOrEqual(0.95);
});

// A second corpus of 400 entries from other lines of work (plant, hospital, bank, public
// administration...), written later by someone else who had seen neither rules nor the first
// corpus. The rules have never been tuned against it: it measures how they generalise (88.5%
// when it arrived). Do not tune the rules to it, or it stops measuring anything.
test('the default rules generalise to a held-out corpus they were never tuned on', () => {
  const byLanguage = scoreCorpus('classification-holdout.json');
  const right = [...byLanguage.values()].reduce((sum, t) => sum + t.right, 0);
  const total = [...byLanguage.values()].reduce((sum, t) => sum + t.total, 0);
  expect(total).toBe(400);
  expect(right / total).toBeGreaterThanOrEqual(0.85);
  for (const [language, tally] of byLanguage) expect(tally.right / tally.total, language).toBeGreaterThanOrEqual(0.8);
});
