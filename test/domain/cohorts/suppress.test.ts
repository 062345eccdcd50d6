import { describe, expect, test } from 'vitest';
import { decideGroups, decideGroupSize, resolveMinGroup } from '../../../server/domain/cohorts/suppress.ts';

const people = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('rule 1: an aggregate over fewer than K people is hidden', () => {
  test.each([
    [0, 5, 'fewer-than-k'],
    [1, 5, 'fewer-than-k'],
    [4, 5, 'fewer-than-k'],
    [5, 5, null],
    [6, 5, null],
    [6, 7, 'fewer-than-k'],
    [7, 7, null],
  ] as const)('%i people with K=%i -> %s', (size, k, expected) => {
    expect(decideGroupSize(size, k)).toBe(expected);
  });
});

describe('rule 2: groups of one measure shown together keep a distance of 0 or at least K', () => {
  test.each([
    {
      name: 'a filtered group beside its parent, complement of 1: the filtered one is hidden',
      groups: [{ key: 'cohort', members: people(1, 10) }, { key: 'filtered', members: people(1, 9) }],
      k: 5,
      expected: { cohort: null, filtered: 'difference' },
    },
    {
      name: 'complement of K-1 (4) is still too close',
      groups: [{ key: 'cohort', members: people(1, 10) }, { key: 'filtered', members: people(1, 6) }],
      k: 5,
      expected: { cohort: null, filtered: 'difference' },
    },
    {
      name: 'complement of exactly K (5) may be shown',
      groups: [{ key: 'cohort', members: people(1, 10) }, { key: 'filtered', members: people(1, 5) }],
      k: 5,
      expected: { cohort: null, filtered: null },
    },
    {
      name: 'complement of 0 (the same people) may be shown',
      groups: [{ key: 'cohort', members: people(1, 7) }, { key: 'filtered', members: people(1, 7) }],
      k: 5,
      expected: { cohort: null, filtered: null },
    },
    {
      name: 'a filtered group under K is hidden for its size whatever its complement',
      groups: [{ key: 'cohort', members: people(1, 20) }, { key: 'filtered', members: people(1, 3) }],
      k: 5,
      expected: { cohort: null, filtered: 'fewer-than-k' },
    },
    {
      name: 'quarters: 6 with data beside the same 5 with data: the second is hidden (one person apart)',
      groups: [{ key: '2026-Q1', members: people(1, 6) }, { key: '2025-Q4', members: people(1, 5) }],
      k: 5,
      expected: { '2026-Q1': null, '2025-Q4': 'difference' },
    },
    {
      name: 'quarters: the chosen quarter (5) goes first and stays; the older one (6) is hidden',
      groups: [{ key: '2026-Q1', members: people(1, 5) }, { key: '2025-Q4', members: people(1, 6) }],
      k: 5,
      expected: { '2026-Q1': null, '2025-Q4': 'difference' },
    },
    {
      name: 'two groups of the same size that swap one person differ by 2: hidden',
      groups: [{ key: 'a', members: people(1, 6) }, { key: 'b', members: [...people(2, 6), 99] }],
      k: 5,
      expected: { a: null, b: 'difference' },
    },
    {
      name: 'a chain: Q3 10, Q2 same 10, Q1 7 of them: Q1 is hidden, Q2 shown',
      groups: [
        { key: 'Q3', members: people(1, 10) },
        { key: 'Q2', members: people(1, 10) },
        { key: 'Q1', members: people(1, 7) },
      ],
      k: 5,
      expected: { Q3: null, Q2: null, Q1: 'difference' },
    },
    {
      name: 'a hidden group is not a reference: Q2 hidden next to Q3, Q1 compared with Q3 only',
      groups: [
        { key: 'Q3', members: people(1, 12) },
        { key: 'Q2', members: people(1, 10) },
        { key: 'Q1', members: people(1, 6) },
      ],
      k: 5,
      expected: { Q3: null, Q2: 'difference', Q1: null },
    },
    {
      name: 'K=6: a difference of 5 is still too close',
      groups: [{ key: 'all', members: people(1, 12) }, { key: 'some', members: people(1, 7) }],
      k: 6,
      expected: { all: null, some: 'difference' },
    },
    {
      name: 'a parent under K hides everything',
      groups: [{ key: 'cohort', members: people(1, 4) }, { key: 'filtered', members: people(1, 4) }],
      k: 5,
      expected: { cohort: 'fewer-than-k', filtered: 'fewer-than-k' },
    },
    {
      name: 'duplicate ids in a group count once',
      groups: [{ key: 'cohort', members: [1, 1, 2, 2, 3, 3, 4, 4, 5] }],
      k: 5,
      expected: { cohort: null },
    },
  ])('$name', ({ groups, k, expected }) => {
    expect(Object.fromEntries(decideGroups(groups, k))).toEqual(expected);
  });

  test('no shown pair of groups ever differs by 1 to K-1 people (random cohorts and quarters)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 300; round++) {
      const k = 5 + Math.floor(random() * 3);
      const groups = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, index) => ({
        key: `g${index}`,
        members: people(1, 20).filter(() => random() < 0.7),
      }));
      const decisions = decideGroups(groups, k);
      const shown = groups.filter((group) => decisions.get(group.key) === null).map((group) => new Set(group.members));
      for (const a of shown) {
        expect(a.size).toBeGreaterThanOrEqual(k);
        for (const b of shown) {
          const difference = [...a].filter((id) => !b.has(id)).length + [...b].filter((id) => !a.has(id)).length;
          expect(difference === 0 || difference >= k).toBe(true);
        }
      }
    }
  });
});

describe('K from ALTITUDE_MIN_GROUP', () => {
  test.each([
    [undefined, 5],
    ['', 5],
    ['5', 5],
    ['8', 8],
  ] as const)('%s -> %i', (raw, expected) => {
    expect(resolveMinGroup(raw)).toBe(expected);
  });

  test.each(['4', '0', '-5', '5.5', 'five', '1e9'])('"%s" is refused: K is never below 5', (raw) => {
    expect(() => resolveMinGroup(raw)).toThrow(/ALTITUDE_MIN_GROUP must be a whole number from 5/);
  });
});
