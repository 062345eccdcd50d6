import type { CohortSummary } from '../api-hr.ts';
import { h } from '../dom.ts';

const COHORT_KEY = 'altitude.cohortId';

/** The cohort HR looked at last, kept across pages and visits. */
export function chooseCohort(cohorts: readonly CohortSummary[], asked: string | null): CohortSummary | null {
  const wanted = Number(asked ?? localStorage.getItem(COHORT_KEY));
  return cohorts.find((c) => c.id === wanted) ?? cohorts[0] ?? null;
}

export function rememberCohort(id: number): void {
  localStorage.setItem(COHORT_KEY, String(id));
}

export function forgetCohort(): void {
  localStorage.removeItem(COHORT_KEY);
}

/** The current quarter (UTC, as the server counts it) and the seven before it, newest first. */
export function recentQuarters(nowMs = Date.now(), count = 8): string[] {
  const date = new Date(nowMs);
  let year = date.getUTCFullYear();
  let index = Math.floor(date.getUTCMonth() / 3) + 1;
  const quarters: string[] = [];
  while (quarters.length < count) {
    quarters.push(`${year}-Q${index}`);
    index--;
    if (index === 0) {
      index = 4;
      year--;
    }
  }
  return quarters;
}

export function cohortSelect(cohorts: readonly CohortSummary[], selected: CohortSummary, onChange: (id: number) => void): HTMLElement {
  const select = h(
    'select',
    { id: 'cohort-select' },
    ...cohorts.map((c) => h('option', { value: c.id, selected: c.id === selected.id }, `${c.name} (${c.counts.active} active)`)),
  );
  select.addEventListener('change', () => onChange(Number(select.value)));
  return h('span', { class: 'hr-picker' }, h('label', { for: 'cohort-select' }, 'Cohort'), select);
}

export function quarterSelect(selected: string, onChange: (quarter: string) => void): HTMLElement {
  const quarters = recentQuarters();
  if (!quarters.includes(selected)) quarters.unshift(selected);
  const select = h('select', { id: 'quarter-select' }, ...quarters.map((q, i) => h('option', { value: q, selected: q === selected }, i === 0 && q === recentQuarters()[0] ? `${q} (current)` : q)));
  select.addEventListener('change', () => onChange(select.value));
  return h('span', { class: 'hr-picker' }, h('label', { for: 'quarter-select' }, 'Quarter'), select);
}

/** A page's query string with some values changed (the pages keep their state in the address). */
export function withParams(page: string, params: URLSearchParams, changes: Record<string, string | null>): string {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  const text = next.toString();
  return `#/${page}${text ? `?${text}` : ''}`;
}
