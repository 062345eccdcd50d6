import { z } from 'zod';

/** The configurable numbers of TAXONOMY.md ("Counting time", "The two headline flags"). */
export const countingSettingsSchema = z
  .object({
    /** A working day, in minutes: what an all-day work event counts for. */
    workingDayMinutes: z.number().int().min(60).max(24 * 60).default(480),
    /** Strategic share below this (a fraction) raises `low-strategic-share`. */
    strategicShareMin: z.number().min(0).max(1).default(0.2),
    /** Protected planning days a quarter needs; fewer raises `missing-planning-days`. */
    planningDaysPerQuarter: z.number().int().min(0).max(92).default(3),
    /** Organisational-planning minutes that make a day a planning day. */
    planningDayMinutes: z.number().int().min(30).max(24 * 60).default(360),
  })
  .strict();

export type CountingSettings = z.output<typeof countingSettingsSchema>;

export const DEFAULT_COUNTING_SETTINGS: CountingSettings = countingSettingsSchema.parse({});
