import { z } from 'zod';
import { countingSettingsSchema, type CountingSettings } from '../metrics/counting-settings.ts';

/** What a leader can set: the counting numbers, and who counts as inside the unit. */
export const leaderSettingsSchema = countingSettingsSchema
  .partial()
  .extend({
    /** E-mail domains of the leader's unit; default: the domain of the leader's address. */
    unitDomains: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'a domain such as example.com')).max(50).optional(),
    /** The unit's members; when given, they alone are "inside the unit" (a shared company domain cannot tell units apart). */
    unitMembers: z.array(z.string().trim().toLowerCase().email()).max(2000).optional(),
  })
  .strict();

export type LeaderSettings = z.output<typeof leaderSettingsSchema>;

export function countingSettingsOf(settings: LeaderSettings): CountingSettings {
  return countingSettingsSchema.parse({
    workingDayMinutes: settings.workingDayMinutes,
    strategicShareMin: settings.strategicShareMin,
    planningDaysPerQuarter: settings.planningDaysPerQuarter,
    planningDayMinutes: settings.planningDayMinutes,
  });
}
