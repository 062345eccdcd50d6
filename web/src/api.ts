import type { ApiError } from '../../shared/api.ts';
import type { Reason, Rule, RuleInput } from '../../shared/rules.ts';
import type { Assignable, CategoryInfo, CountedId, ExclusionReason, Placement } from '../../shared/taxonomy.ts';

// The JSON the server sends, as the web uses it.
export type Role = 'leader' | 'coach' | 'hr' | 'admin';
export interface User {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  leaderId: number | null;
}
export interface DemoAccount {
  email: string;
  password: string;
  role: Role;
  description: string;
}
export interface Leader {
  id: number;
  email: string;
  name: string | null;
  timeZone: string | null;
  settings: LeaderSettings;
  /** How the signed-in user reaches this leader: their own data, or a coach's grant. */
  access?: 'owner' | 'coach-edit' | 'coach-read';
}
export interface LeaderSettings {
  workingDayMinutes?: number;
  strategicShareMin?: number;
  planningDaysPerQuarter?: number;
  planningDayMinutes?: number;
  unitDomains?: string[];
  unitMembers?: string[];
}
export interface CountingSettings {
  workingDayMinutes: number;
  strategicShareMin: number;
  planningDaysPerQuarter: number;
  planningDayMinutes: number;
}
export type CategoryMinutes = Record<CountedId, number>;
export interface QuarterPlanning {
  quarter: string;
  protectedDays: number;
  heldDays: number;
  scheduledDays: number;
  dates: string[];
}
export interface Flag {
  code: 'low-strategic-share' | 'missing-planning-days';
  message: string;
  advice: string;
  quarter?: string;
}
export interface ImportIssue {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  uid?: string;
  line?: number;
}
export interface Summary {
  period: { from: string; to: string; timeZone: string };
  countedMinutes: number;
  minutes: CategoryMinutes;
  shares: CategoryMinutes;
  weekly: Array<{ weekStart: string; minutes: CategoryMinutes }>;
  planning: QuarterPlanning[];
  flags: Flag[];
  issues: ImportIssue[];
  eventCount: number;
  excludedEvents: number;
  unclassifiedEvents: number;
  settings: CountingSettings;
}
export interface EventView {
  id: number;
  source: string;
  uid: string;
  recurrenceId: string | null;
  isRecurring: boolean;
  start: string;
  end: string;
  allDay: boolean;
  summary: string;
  location: string;
  organizer: string | null;
  attendeeCount: number;
  category: Placement;
  reason: string;
  reasonDetail: Reason;
  ruleId: string | null;
  exclusionReason: string | null;
  isManual: boolean;
}
export interface ImportResult {
  importId: number;
  source: string;
  timeZone: string;
  window: { from: string; to: string };
  blocks: number;
  instances: number;
  /** parsed = added + updated + unchanged + rejected.total */
  parsed: number;
  rejected: { total: number; reasons: Record<string, number> };
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  excluded: Partial<Record<ExclusionReason, number>>;
  unclassified: number;
  issues: ImportIssue[];
}
export interface RulePreview {
  changes: Array<{ eventId: number; summary: string; start: string; from: Placement; to: Placement }>;
  total: number;
  moves: Record<string, number>;
}
export interface Vocabulary {
  fields: Record<string, 'text' | 'text-list' | 'number' | 'boolean' | 'enum'>;
  fieldLabels: Record<string, string>;
  operators: Record<string, Record<string, 'string' | 'regex' | 'list' | 'number' | 'boolean'>>;
  operatorLabels: Record<string, string>;
  enumValues: Record<string, string[]>;
}
export interface Taxonomy {
  categories: CategoryInfo[];
  exclusionReasons: Record<ExclusionReason, string>;
}

/** A failed request, carrying the server's own message for the user. */
export class RequestFailed extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// The session's CSRF token: sent with every request that changes something. It lives in memory
// only (never in storage), and comes from GET /api/session at start and from sign-in.
let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** One request to the API; a failure becomes RequestFailed with the server's message. */
export async function call<T>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
  let response: Response;
  const headers: Record<string, string> = body === undefined ? {} : { 'Content-Type': contentType };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : (body as BodyInit),
    });
  } catch {
    throw new RequestFailed(0, 'network', 'The server cannot be reached. Is Altitude still running?');
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw new RequestFailed(response.status, 'bad-response', `The server answered ${response.status} without JSON.`);
  }
  if (!response.ok) {
    const error = (json as ApiError | null)?.error;
    // The session ended (signed out elsewhere, expired): back to the sign-in page.
    if (response.status === 401 && error?.code === 'not-signed-in') document.dispatchEvent(new CustomEvent('signed-out'));
    throw new RequestFailed(response.status, error?.code ?? 'error', readable(error?.message ?? `The request failed (${response.status}).`));
  }
  return json as T;
}

/**
 * The server names the part of a request a message is about ("body.rule.conditions.0.value:");
 * on a page, the user knows it by its label ("Condition 1:").
 */
export function readable(message: string): string {
  return message
    .replace(/^body\.(?:rule\.)?conditions\.(\d+)\.\w+: /, (_m, index: string) => `Condition ${Number(index) + 1}: `)
    .replace(/^body\.settings\.unitDomains\.(\d+): /, (_m, index: string) => `Unit e-mail domain ${Number(index) + 1}: `)
    .replace(/^body\.settings\.unitMembers\.(\d+): /, (_m, index: string) => `Unit member ${Number(index) + 1}: `)
    .replace(/^body\.(?:rule\.|settings\.)?(\w+): /, (_m, field: string) => `${field[0]!.toUpperCase()}${field.slice(1).replace(/([A-Z])/g, ' $1').toLowerCase()}: `)
    .replace(/^(query|path)\.(\w+): /, (_m, _part: string, field: string) => `${field}: `);
}

const leaderPath = (leaderId: number) => `/api/leaders/${leaderId}`;
const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const api = {
  taxonomy: () => call<Taxonomy>('GET', '/api/taxonomy'),
  vocabulary: () => call<Vocabulary>('GET', '/api/rules/vocabulary'),
  session: () => call<{ user: User | null; csrfToken?: string }>('GET', '/api/session'),
  signIn: (email: string, password: string) => call<{ user: User; csrfToken: string }>('POST', '/api/session', { email, password }),
  signUp: (input: { email: string; password: string; name?: string; role: 'leader' | 'coach' | 'hr' }) =>
    call<{ user: User; csrfToken: string }>('POST', '/api/signup', input),
  signOut: () => call<void>('DELETE', '/api/session'),
  demoAccounts: () => call<{ accounts: DemoAccount[] }>('GET', '/api/demo-accounts').then((r) => r.accounts),
  leaders: () => call<{ leaders: Leader[] }>('GET', '/api/leaders').then((r) => r.leaders),
  updateLeader: (leaderId: number, patch: { name?: string | null; timeZone?: string; settings?: LeaderSettings }) =>
    call<{ leader: Leader }>('PATCH', leaderPath(leaderId), patch).then((r) => r.leader),
  summary: (leaderId: number, period: { from: string; to: string }) =>
    call<{ summary: Summary }>('GET', `${leaderPath(leaderId)}/summary${query(period)}`).then((r) => r.summary),
  events: (leaderId: number, params: { from: string; to: string; category?: string; q?: string; order?: string; limit?: number; offset?: number }) =>
    call<{ total: number; events: EventView[] }>('GET', `${leaderPath(leaderId)}/events${query(params)}`),
  importCalendar: (leaderId: number, file: File, options: { source: string; from?: string; to?: string }) =>
    call<{ import: ImportResult }>('POST', `${leaderPath(leaderId)}/imports${query({ ...options, fileName: file.name })}`, file, 'text/calendar').then(
      (r) => r.import,
    ),
  decide: (leaderId: number, eventId: number, category: Assignable, scope: 'event' | 'series', exclusionReason?: ExclusionReason) =>
    call<{ event: EventView; moved: number }>('PUT', `${leaderPath(leaderId)}/events/${eventId}/category`, { category, scope, ...(exclusionReason ? { exclusionReason } : {}) }),
  clearDecision: (leaderId: number, eventId: number, scope: 'event' | 'series') =>
    call<{ event: EventView; moved: number }>('DELETE', `${leaderPath(leaderId)}/events/${eventId}/category${query({ scope })}`),
  rules: (leaderId: number) => call<{ rules: Rule[]; defaults: Rule[] }>('GET', `${leaderPath(leaderId)}/rules`),
  createRule: (leaderId: number, rule: RuleInput) => call<{ rule: Rule; moved: number }>('POST', `${leaderPath(leaderId)}/rules`, rule),
  updateRule: (leaderId: number, ruleId: number, rule: RuleInput) => call<{ rule: Rule; moved: number }>('PUT', `${leaderPath(leaderId)}/rules/${ruleId}`, rule),
  deleteRule: (leaderId: number, ruleId: number) => call<{ moved: number }>('DELETE', `${leaderPath(leaderId)}/rules/${ruleId}`),
  reorderRules: (leaderId: number, ruleIds: number[]) => call<{ rules: Rule[]; moved: number }>('PUT', `${leaderPath(leaderId)}/rules/order`, { ruleIds }),
  previewRule: (leaderId: number, rule: RuleInput, replacing?: number) =>
    call<{ preview: RulePreview }>('POST', `${leaderPath(leaderId)}/rules/preview`, { rule, replacing }).then((r) => r.preview),
};

/** The numeric id of a user rule ("user:12" -> 12). */
export function ruleNumber(rule: Rule): number {
  return Number(rule.id.replace(/^user:/, ''));
}
