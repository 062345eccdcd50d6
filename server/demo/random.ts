// Seeded randomness for the demo generator. Math.random() is never used: the same seed must
// give byte-identical calendars on every machine and every run.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  pickWeighted<T>(entries: readonly (readonly [T, number])[]): T;
  shuffle<T>(items: readonly T[]): T[];
  /** An independent stream: adding draws to one concern never shifts another (roster vs. meetings). */
  fork(label: string): Random;
}

const UINT32 = 0x1_0000_0000;

/** 53-bit string hash (cyrb53); stable across platforms because it only uses Math.imul on 32-bit ints. */
export function hashString(text: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Hex digest of `length` characters built from salted cyrb53 rounds. */
export function hashToHex(text: string, length: number): string {
  let hex = '';
  for (let round = 0; hex.length < length; round += 1) {
    hex += hashString(text, round).toString(16).padStart(14, '0');
  }
  return hex.slice(0, length);
}

export function createRandom(seed: number): Random {
  // Hashing the whole seed keeps seeds beyond 32 bits apart (2 ** 40 >>> 0 would be 0).
  const origin = hashString(String(Math.trunc(seed))) % UINT32;
  let state = (origin ^ 0x9e3779b9) >>> 0;

  // mulberry32: tiny, fast, and good enough for picking meeting titles.
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / UINT32;
  };

  const random: Random = {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(probability) {
      return next() < probability;
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('pick() needs at least one item');
      // The index is always in range; the cast only tells noUncheckedIndexedAccess so.
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    pickWeighted(entries) {
      const total = entries.reduce((sum, [, weight]) => sum + Math.max(0, weight), 0);
      if (total <= 0) throw new RangeError('pickWeighted() needs a positive total weight');
      let threshold = next() * total;
      for (const [item, weight] of entries) {
        threshold -= Math.max(0, weight);
        if (threshold < 0) return item;
      }
      const last = entries[entries.length - 1];
      if (!last) throw new RangeError('pickWeighted() needs at least one entry');
      return last[0];
    },
    shuffle(items) {
      const copy = [...items];
      for (let index = copy.length - 1; index > 0; index -= 1) {
        const other = Math.floor(next() * (index + 1));
        // Both indices are in range (Fisher-Yates).
        const held = copy[index] as (typeof copy)[number];
        copy[index] = copy[other] as (typeof copy)[number];
        copy[other] = held;
      }
      return copy;
    },
    fork(label) {
      // Derived from the seed, not the current state, so a fork is the same whenever it is taken.
      return createRandom(hashString(label, origin) % UINT32);
    },
  };
  return random;
}
