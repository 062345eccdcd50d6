import type { CategoryId, PlannedEvent } from './event-model.ts';
import type { Random } from './random.ts';

// Some Outlook users colour-code their calendar. A category that names a taxonomy category
// places an entry before any other rule; a plain colour category says nothing.

const CATEGORY_LABELS: Readonly<Record<CategoryId, string>> = {
  operational: 'Operational',
  strategic: 'Strategic',
  developmental: 'Developmental',
  'cross-functional': 'Cross-functional',
  'organisational-planning': 'Organisational planning',
};
const COLOUR_CATEGORIES = ['Blue Category', 'Green Category', 'Orange Category', 'Purple Category'] as const;

/** Four leaders in ten colour-code: a quarter of their work entries carry a label, a few a bare colour. */
export function assignCategories(events: readonly PlannedEvent[], random: Random): PlannedEvent[] {
  if (!random.chance(0.4)) return [...events];
  return events.map((event) => {
    // Series with overrides keep no category, so an override never disagrees with its series.
    if (event.intent === 'excluded' || event.intent === 'unclassified' || event.recurrence?.overrides.length) return event;
    if (random.chance(0.25)) return { ...event, categories: [CATEGORY_LABELS[event.intent]] };
    if (random.chance(0.08)) return { ...event, categories: [random.pick(COLOUR_CATEGORIES)] };
    return event;
  });
}
