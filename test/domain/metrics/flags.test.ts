import { describe, expect, test } from 'vitest';
import { DEFAULT_COUNTING_SETTINGS } from '../../../server/domain/metrics/counting-settings.ts';
import { flagLowStrategicShare } from '../../../server/domain/metrics/flags.ts';

const PLACE_FIRST = /^First place the unclassified events \(\d+\.\d% of counted time\)/;
const USUAL_ADVICE = /^Protect a weekly strategic thinking block/;

describe('the low-strategic-share flag when much of the time is unclassified', () => {
  // 1000 counted minutes: the strategic part and the unclassified part as given, the rest operational.
  test.each([
    // strategic, unclassified, flagged, advice starts with
    ['a fresh import, everything unclassified', 0, 1000, true, PLACE_FIRST],
    ['just over half unclassified', 100, 501, true, PLACE_FIRST],
    ['exactly half unclassified is not "more than half"', 100, 500, true, USUAL_ADVICE],
    ['little unclassified', 100, 50, true, USUAL_ADVICE],
    ['nothing unclassified', 0, 0, true, USUAL_ADVICE],
  ] as const)('%s: %i strategic, %i unclassified', (_case, strategic, unclassified, flagged, advice) => {
    const flag = flagLowStrategicShare(strategic, 1000, DEFAULT_COUNTING_SETTINGS, unclassified);
    expect(flag !== null).toBe(flagged);
    expect(flag!.advice).toMatch(advice);
  });

  test('the flag itself is the taxonomy’s: raised on the strategic share of all counted time, unclassified included', () => {
    const flag = flagLowStrategicShare(150, 1000, DEFAULT_COUNTING_SETTINGS, 800)!;
    expect(flag).toMatchObject({ code: 'low-strategic-share', share: 0.15, threshold: 0.2 });
    // On target stays on target, however much is unclassified.
    expect(flagLowStrategicShare(200, 1000, DEFAULT_COUNTING_SETTINGS, 800)).toBeNull();
  });

  test('the message and advice name the unclassified share and keep the usual advice for afterwards', () => {
    const flag = flagLowStrategicShare(0, 1000, DEFAULT_COUNTING_SETTINGS, 850)!;
    expect(flag.message).toBe('Strategic time is 0.0% of counted work time, under the target of 20.0%; 85.0% of counted work time is still unclassified.');
    expect(flag.message).not.toContain('too little to set direction');
    expect(flag.advice).toBe(
      'First place the unclassified events (85.0% of counted time) on the Events page or with a rule: they are counted, so until they have a category the strategic share is not yet meaningful. ' +
        'Then, if it stays under the target: protect a weekly strategic thinking block, hand operational reviews and status meetings to your direct reports, and check which recurring meetings still need you.',
    );
  });

  test('without the unclassified minutes (an older caller) the advice is the usual one', () => {
    expect(flagLowStrategicShare(0, 1000, DEFAULT_COUNTING_SETTINGS)!.advice).toMatch(USUAL_ADVICE);
  });
});
