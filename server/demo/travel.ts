import type { Random } from './random.ts';
import type { CityKey, Vocabulary } from './vocabulary.ts';

// Where a leader flies to depends on where they live: short-haul trips within their region,
// with an airline of that region, so flight titles look like the ones people really book.

type TravelRegion = 'europe' | 'north-america' | 'oceania' | 'asia';

const REGION_CITIES: Readonly<Record<TravelRegion, readonly CityKey[]>> = {
  europe: ['amsterdam', 'munich', 'barcelona', 'vienna', 'zurich', 'copenhagen', 'milan', 'lisbon', 'dublin', 'stockholm'],
  'north-america': ['chicago', 'boston', 'toronto', 'seattle', 'atlanta', 'austin', 'denver'],
  oceania: ['melbourne', 'brisbane', 'wellington', 'perth', 'christchurch'],
  asia: ['singapore', 'seoul', 'hong-kong', 'bangkok'],
};

const REGION_AIRLINES: Readonly<Record<TravelRegion, readonly string[]>> = {
  europe: ['LH', 'BA', 'AF', 'KL', 'IB', 'LX', 'OS', 'SK'],
  'north-america': ['UA', 'AA', 'DL', 'AC', 'AS'],
  oceania: ['QF', 'NZ', 'VA'],
  asia: ['SQ', 'CX', 'NH', 'KE'],
};

function findRegion(timeZone: string): TravelRegion {
  if (timeZone.startsWith('America/')) return 'north-america';
  if (timeZone.startsWith('Australia/') || timeZone.startsWith('Pacific/')) return 'oceania';
  if (timeZone.startsWith('Asia/')) return 'asia';
  return 'europe';
}

export interface Trip {
  city: string;
  outboundFlight: string;
  returnFlight: string;
  flightMinutes: number;
}

/** A destination away from home (the zone's own city is never picked) and two flight numbers. */
export function planTrip(random: Random, vocabulary: Vocabulary, timeZone: string): Trip {
  const region = findRegion(timeZone);
  const homeCity = (timeZone.split('/').pop() ?? '').replace(/_/g, ' ').toLowerCase();
  const candidates = REGION_CITIES[region].filter((key) => key.replace(/-/g, ' ') !== homeCity);
  const city = vocabulary.cityNames[random.pick(candidates)];
  const airline = random.pick(REGION_AIRLINES[region]);
  const outboundNumber = random.int(100, 2999);
  return {
    city,
    outboundFlight: `${airline} ${outboundNumber}`,
    returnFlight: `${airline} ${outboundNumber + 1}`,
    flightMinutes: random.pick([75, 90, 105, 120, 150]),
  };
}
