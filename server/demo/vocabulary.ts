import { VOCABULARY_DE } from './vocabulary-de.ts';
import { VOCABULARY_EN } from './vocabulary-en.ts';
import { VOCABULARY_ES } from './vocabulary-es.ts';
import { VOCABULARY_FR } from './vocabulary-fr.ts';

// Every word the generator shows to a user lives in one vocabulary per language; the
// planner only ever asks for a title by key.

export const TITLE_KEYS = [
  // recurring series
  'oneOnOne', 'oneOnOneStatus', 'staffMeeting', 'execStaffMeeting', 'portfolioReview', 'strategicBlock',
  'businessReview', 'peerSync', 'steeringCommittee', 'worksCouncil', 'ownCoaching', 'skipLevelRound',
  'inboxAdmin', 'budgetTracking', 'standUp', 'mentoring', 'escalationReview', 'workforceReview',
  'lunch', 'gym', 'schoolRun',
  // operational one-offs
  'statusUpdate', 'projectReview', 'incidentCall', 'escalationCall', 'approval', 'forecastCheck', 'vendorCall',
  'operationalHold',
  // strategic one-offs
  'strategySession', 'prioritySetting', 'okrSetting', 'boardPrep', 'strategyTranslation', 'execDirection',
  'offsite', 'strategyHold',
  // developmental one-offs
  'coachingConversation', 'feedbackConversation', 'careerConversation', 'skipLevel', 'trainingModule',
  'conference', 'onboardingManager',
  // cross-functional one-offs
  'valueChainPartner', 'dependencySync', 'jointInitiative',
  // organisational-planning one-offs
  'talentReview', 'successionPlanning', 'calibration', 'capabilityAssessment', 'orgDesign', 'headcountPlanning',
  'planningDay', 'planningHold',
  // entries the product excludes
  'personalAppointment', 'outOfOffice', 'flight', 'returnFlight', 'train', 'returnTrain', 'siteVisitTravel',
  'freeNotice',
  // entries no rule can place
  'ambiguousMeeting', 'ambiguousSolo',
  // overrides of one instance of a series
  'movedInstance', 'midYearReview',
] as const;

export type TitleKey = (typeof TITLE_KEYS)[number];

export const PEER_UNIT_KEYS = ['finance', 'sales', 'marketing', 'people', 'it', 'legal', 'product', 'procurement'] as const;
export type PeerUnitKey = (typeof PEER_UNIT_KEYS)[number];

export const CITY_KEYS = [
  'amsterdam', 'munich', 'barcelona', 'vienna', 'zurich', 'copenhagen', 'milan', 'lisbon', 'dublin', 'stockholm',
  'chicago', 'boston', 'toronto', 'seattle', 'atlanta', 'austin', 'denver',
  'melbourne', 'brisbane', 'wellington', 'perth', 'christchurch',
  'singapore', 'seoul', 'hong-kong', 'bangkok',
] as const;
export type CityKey = (typeof CITY_KEYS)[number];

export interface OwnUnit {
  name: string;
  /** One team per direct report; at least nine so a leader with 8 reports plus a newcomer fits. */
  teams: readonly string[];
}

export interface Vocabulary {
  /** BCP 47 tag Outlook writes in SUMMARY;LANGUAGE=... */
  outlookLanguageTag: string;
  /** Outlook's default calendar name, used as X-WR-CALNAME. */
  calendarName: string;
  /** Outlook renames a cancelled meeting with this prefix. */
  cancelledPrefix: string;
  /** 'Q{n}' or 'T{n}' (trimestre). */
  quarterLabel: string;
  months: readonly string[];
  onlineMeetingLocation: string;
  teamsDescription: string;
  meetDescription: string;
  agendas: readonly string[];
  firstNames: readonly string[];
  lastNames: readonly string[];
  ownUnits: readonly OwnUnit[];
  peerUnits: Readonly<Record<PeerUnitKey, string>>;
  projects: readonly string[];
  topics: readonly string[];
  systems: readonly string[];
  approvalItems: readonly string[];
  trainingTopics: readonly string[];
  conferences: readonly string[];
  rooms: readonly string[];
  trainCities: readonly string[];
  cityNames: Readonly<Record<CityKey, string>>;
  titles: Readonly<Record<TitleKey, readonly string[]>>;
}

export type CalendarLanguage = 'en' | 'de' | 'fr' | 'es';

const VOCABULARIES: Readonly<Record<CalendarLanguage, Vocabulary>> = {
  en: VOCABULARY_EN,
  de: VOCABULARY_DE,
  fr: VOCABULARY_FR,
  es: VOCABULARY_ES,
};

export function getVocabulary(language: CalendarLanguage): Vocabulary {
  return VOCABULARIES[language];
}

export type TemplateValues = Readonly<Record<string, string | number>>;

/** Fills {placeholders}; a placeholder without a value is a bug in the planner, so it throws. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for {${name}} in title template "${template}"`);
    return String(value);
  });
}
