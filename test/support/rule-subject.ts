import { normaliseText } from '../../server/domain/rules/normalise-text.ts';
import type { RuleSubject } from '../../server/domain/rules/rule-subject.ts';

/** A rule subject with plain defaults (a 60-minute solo block), texts folded as the engine folds them. */
export function subject(overrides: Partial<RuleSubject> = {}): RuleSubject {
  const base: RuleSubject = {
    title: '',
    description: '',
    location: '',
    organizerEmail: '',
    attendeeEmail: [],
    attendeeDomain: [],
    categories: [],
    attendeeCount: 0,
    outsideShare: 0,
    durationMinutes: 60,
    allDay: false,
    recurring: false,
    organizer: 'self',
    status: 'confirmed',
    showAs: 'busy',
    myResponse: 'accepted',
  };
  const merged = { ...base, ...overrides };
  return {
    ...merged,
    title: normaliseText(merged.title),
    description: normaliseText(merged.description),
    location: normaliseText(merged.location),
    categories: merged.categories.map(normaliseText),
  };
}
