// `npm run bench`: ratios measured within one run, so a noisy machine moves both sides alike.
// Not a test: it prints figures and never fails on them.
import ical from 'node-ical';
import { auditCalendar } from '../../server/domain/audit/audit-calendar.ts';
import { expansionWindowFor, resolvePeriod } from '../../server/domain/audit/resolve-period.ts';
import { DEFAULT_COUNTING_SETTINGS } from '../../server/domain/metrics/counting-settings.ts';
import { generateLeaderCalendar } from '../../server/demo/generate-calendar.ts';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);

const text = generateLeaderCalendar({
  seed: 7,
  now: new Date(NOW),
  email: 'bench.leader@northwind.example',
  name: 'Bench Leader',
  timeZone: 'Europe/Berlin',
  monthsBack: 12,
  monthsAhead: 0,
  density: 1.6,
  profile: 'balanced',
});

const period = resolvePeriod({}, 'Europe/Berlin', NOW);
const window = expansionWindowFor(period);

/** node-ical on its own: parse the file and expand every event over the same window. */
function runNodeIcal(): number {
  const data = ical.sync.parseICS(text);
  let instances = 0;
  const from = new Date(window.fromMs);
  const to = new Date(window.toMs);
  for (const component of Object.values(data)) {
    if (!component || component.type !== 'VEVENT') continue;
    instances += ical.expandRecurringEvent(component, { from, to }).length;
  }
  return instances;
}

/** Altitude's audit: parse, check, expand, classify, count, flag. */
function runAudit(): number {
  const report = auditCalendar(text, { nowMs: NOW, settings: DEFAULT_COUNTING_SETTINGS });
  return report.events.length;
}

function time(work: () => number): { ms: number; result: number } {
  const start = process.hrtime.bigint();
  const result = work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

// Warm both paths (module loading, JIT), then alternate them so drift hits both equally.
const baselineInstances = runNodeIcal();
const auditInstances = runAudit();
runNodeIcal();
runAudit();
const baseline: number[] = [];
const audit: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  baseline.push(time(runNodeIcal).ms);
  audit.push(time(runAudit).ms);
}

const ratio = median(audit) / median(baseline);
console.log(`Busy leader-year: ${(text.length / 1024 / 1024).toFixed(1)} MB, ${auditInstances} instances in the audit period (node-ical expands ${baselineInstances} over the wider quarter window).`);
console.log(`node-ical parse + expansion: median ${median(baseline).toFixed(0)} ms over ${ROUNDS} rounds`);
console.log(`Altitude audit:              median ${median(audit).toFixed(0)} ms over ${ROUNDS} rounds`);
console.log(`audit / node-ical ratio: ${ratio.toFixed(2)} (target 1.30 or less)`);

// The HR side: a cohort of 500 leaders (BENCH_COHORT=0 skips it).
if (process.env.BENCH_COHORT !== '0') await (await import('./cohort-bench.ts')).runCohortBench();
// The real server under load, alone and while imports run (BENCH_LOAD=0 skips it).
if (process.env.BENCH_LOAD !== '0') await (await import('./load-bench.ts')).runLoadBench();
