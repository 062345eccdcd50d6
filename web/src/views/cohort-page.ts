import '../styles/hr.css';
import { hrApi, type CohortSummary } from '../api-hr.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { chooseCohort, rememberCohort } from './hr-pickers.ts';

export interface CohortPage {
  title: string;
  lead: string;
  loading: string;
  /**
   * Fills the body for the chosen cohort. A throw shows its message in the body; `isAlive`
   * turns false once the user has left the page, so a late answer is dropped.
   */
  show: (body: HTMLElement, cohort: CohortSummary, cohorts: readonly CohortSummary[], isAlive: () => boolean) => Promise<void>;
}

/**
 * The frame of HR's pages about one cohort (compliance, charts): heading, lead, and a body for
 * the cohort in the address or the one HR looked at last, or the way to create a first one.
 * Returns the page's teardown.
 */
export function showCohortPage(root: HTMLElement, params: URLSearchParams, page: CohortPage): () => void {
  const body = h('div', { class: 'hr-body' }, notice('loading', page.loading));
  replaceChildren(root, h('div', { class: 'page-heading' }, h('h1', {}, page.title)), h('p', { class: 'lead' }, page.lead), body);
  let alive = true;
  const isAlive = () => alive;

  async function load(): Promise<void> {
    try {
      const cohorts = await hrApi.cohorts();
      if (!alive) return;
      const cohort = chooseCohort(cohorts, params.get('cohort'));
      if (!cohort) {
        replaceChildren(body, notice('empty', 'No cohort yet.', h('p', {}, h('a', { href: '#/cohorts' }, 'Create a cohort and invite its leaders'), ' first.')));
        return;
      }
      rememberCohort(cohort.id);
      await page.show(body, cohort, cohorts, isAlive);
    } catch (error) {
      if (alive) replaceChildren(body, notice('error', (error as Error).message));
    }
  }

  void load();
  return () => {
    alive = false;
  };
}
