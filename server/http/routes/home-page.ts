import { Router } from 'express';
import { COUNTED_IDS, CATEGORY_INFO } from '../../../shared/taxonomy.ts';
import type { AuditReport } from '../../domain/audit/build-report.ts';
import { buildLeaderReport } from '../../services/leader-report.ts';
import { listLeaders } from '../../services/leaders.ts';
import type { AppContext } from '../app-context.ts';

/**
 * The first page: each leader's last twelve months in figures, rendered on the server as plain
 * HTML (every user-supplied text escaped), with links to the JSON the figures come from.
 */
export function homePageRoutes({ db, now }: AppContext): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    const sections = listLeaders(db).map((leader) => {
      if (!leader.timeZone) return `<section><h2>${escapeHtml(leader.email)}</h2><p>Nothing imported yet.</p></section>`;
      return renderLeader(leader.id, leader.name ?? leader.email, buildLeaderReport(db, leader.id, { nowMs: now() }));
    });
    res.type('html').send(page(sections.join('\n') || '<p>No leaders yet. Import a calendar with <code>npm run altitude -- import</code>.</p>'));
  });
  return router;
}

function renderLeader(id: number, name: string, report: AuditReport): string {
  const hours = (minutes: number) => (minutes / 60).toFixed(1);
  const rows = COUNTED_IDS.map(
    (category) =>
      `<tr><th scope="row"><span class="chip ${category}"></span>${escapeHtml(CATEGORY_INFO[category].label)}</th>` +
      `<td>${hours(report.minutes[category])} h</td><td>${(report.shares[category] * 100).toFixed(1)}%</td></tr>`,
  ).join('');
  const flags = report.flags.length
    ? `<ul class="flags">${report.flags.map((f) => `<li><strong>${escapeHtml(f.message)}</strong> ${escapeHtml(f.advice)}</li>`).join('')}</ul>`
    : '<p class="ok">No flags: strategic share and planning days meet their targets.</p>';
  const planning = report.planning
    .map((q) => `<li>${q.quarter}: ${q.heldDays} held, ${q.scheduledDays} scheduled${q.dates.length ? ` (${q.dates.join(', ')})` : ''}</li>`)
    .join('');
  return `<section>
  <h2>${escapeHtml(name)}</h2>
  <p class="period">${report.period.from} to ${report.period.to} (${escapeHtml(report.period.timeZone)}): ${hours(report.countedMinutes)} h of counted work time.</p>
  <table><thead><tr><th>Category</th><th>Hours</th><th>Share</th></tr></thead><tbody>${rows}</tbody></table>
  ${flags}
  <h3>Protected planning days per quarter</h3><ul>${planning}</ul>
  <p class="links"><a href="/api/leaders/${id}/summary">summary JSON</a> · <a href="/api/leaders/${id}/events?limit=50">events JSON</a> · <a href="/api/leaders/${id}/rules">rules JSON</a></p>
</section>`;
}

function page(body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Altitude: where a Leader of Leaders' time goes</title><link rel="stylesheet" href="/static/altitude.css"></head>
<body><header><h1>Altitude</h1><p>Where a Leader of Leaders' time goes: operational, strategic, developmental, cross-functional and organisational planning.</p></header>
<main>${body}</main></body></html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
