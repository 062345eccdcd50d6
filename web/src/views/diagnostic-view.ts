import '../styles/hr.css';
import { bandOf, DIAGNOSTIC_IDS, scoreDiagnostic, type DiagnosticId } from '../../../shared/diagnostic.ts';
import { hrApi, type DiagnosticEntryView, type DiagnosticView } from '../api-hr.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { announce } from './announce.ts';
import type { View } from './view.ts';

const WHEN = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/**
 * The organisation diagnostic: ten statements HR checks when they are true in practice, the score
 * and its band, the cohorts' data beside the statements it speaks to (evidence, never a tick),
 * and every earlier dated answer to compare with.
 */
export const diagnosticView: View = (root) => {
  const body = h('div', { class: 'hr-body' }, notice('loading', 'Loading the diagnostic…'));
  replaceChildren(
    root,
    h('div', { class: 'page-heading' }, h('h1', {}, 'Organisation diagnostic')),
    h(
      'p',
      { class: 'lead' },
      'How well does the organisation support its Leaders of Leaders? Check a statement only if it is true in practice, not just in policy. Where the calendars of your cohorts say something about a statement, it is shown beside it: you decide, and see whether the calendars agree.',
    ),
    body,
  );
  let alive = true;

  async function load(): Promise<void> {
    try {
      const view = await hrApi.diagnostic();
      if (alive) render(view);
    } catch (error) {
      if (alive) replaceChildren(body, notice('error', (error as Error).message));
    }
  }

  function render(view: DiagnosticView): void {
    const boxes = new Map<DiagnosticId, HTMLInputElement>();
    const score = h('p', { class: 'diag-score-figure', id: 'diagnostic-score' });
    const band = h('p', { class: 'diag-band', id: 'diagnostic-band' });
    const bandNote = h('p', { class: 'panel-note' });
    const updateScore = () => {
      const answers = currentAnswers();
      const value = scoreDiagnostic(answers);
      const b = bandOf(value);
      score.textContent = `${value} of ${DIAGNOSTIC_IDS.length}`;
      band.textContent = b.label;
      band.dataset.band = b.id;
      band.title = b.description;
      bandNote.textContent = b.description;
    };
    const currentAnswers = () => Object.fromEntries(DIAGNOSTIC_IDS.map((id) => [id, boxes.get(id)!.checked])) as Record<DiagnosticId, boolean>;

    const items = view.statements.map((statement, index) => {
      const box = h('input', { type: 'checkbox', id: `diag-${statement.id}`, checked: view.latest?.answers[statement.id] === true, 'data-statement': statement.id });
      box.addEventListener('change', updateScore);
      boxes.set(statement.id, box);
      const evidence = view.evidence[statement.id];
      return h(
        'li',
        { class: 'diag-item', 'data-statement': statement.id },
        h(
          'div',
          { class: 'diag-statement' },
          box,
          h('label', { for: `diag-${statement.id}` }, h('span', { class: 'diag-number' }, `${index + 1}.`), statement.statement),
          h('p', { class: 'diag-tests' }, `Tests: ${statement.tests}`),
        ),
        evidence
          ? h(
              'aside',
              { class: `diag-evidence diag-evidence-${evidence.kind}`, 'aria-label': `Evidence for statement ${index + 1}` },
              h('h3', {}, 'What the calendars say'),
              h('p', {}, evidence.text),
              h('p', { class: 'diag-evidence-note' }, `Evidence: ${statement.evidence}. Not a tick: you decide.`),
            )
          : h('div', { class: 'diag-evidence diag-evidence-none' }, h('p', {}, 'The calendars say nothing about this one.')),
      );
    });

    const note = h('textarea', { id: 'diagnostic-note', rows: 2, maxlength: 2000, placeholder: 'e.g. Before the 2026 programme; answered with the L&D team' });
    const save = h('button', { type: 'submit', id: 'save-diagnostic' }, 'Save dated answers');
    const form = h(
      'form',
      { class: 'diag-form', 'aria-labelledby': 'statements-heading' },
      h(
        'div',
        { class: 'diag-layout' },
        h('section', { class: 'panel diag-statements' }, h('h2', { id: 'statements-heading' }, 'The ten statements'), h('ol', { class: 'diag-list' }, ...items)),
        h(
          'aside',
          { class: 'panel diag-score', 'aria-label': 'Score' },
          h('h2', {}, 'Score'),
          score,
          band,
          bandNote,
          h('ul', { class: 'diag-bands' }, h('li', {}, '8 or more: ahead of most'), h('li', {}, '5 to 7: some support, with clear gaps'), h('li', {}, 'fewer than 5: a significant gap')),
          h('div', { class: 'field' }, h('label', { for: 'diagnostic-note' }, 'Note (optional)'), note),
          h('div', { class: 'actions' }, save),
        ),
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      save.disabled = true;
      void hrApi
        .answerDiagnostic(currentAnswers(), note.value)
        .then((entry) => {
          announce(`Saved: ${entry.score} of ${DIAGNOSTIC_IDS.length}, ${entry.band.label}.`);
          return load();
        })
        .catch((failure: Error) => announce(failure.message, true))
        .finally(() => {
          save.disabled = false;
        });
    });

    replaceChildren(body, form, historyPanel(view));
    updateScore();
  }

  void load();
  return () => {
    alive = false;
  };
};

/** Every dated answer, newest first, and a grid of the statements across them to compare. */
function historyPanel(view: DiagnosticView): HTMLElement {
  const heading = h('h2', { id: 'history-heading' }, 'Earlier answers');
  if (view.history.length === 0) {
    return h('section', { class: 'panel', 'aria-labelledby': 'history-heading', id: 'diagnostic-history' }, heading, h('p', { class: 'panel-note' }, 'Nothing saved yet. Each save is kept with its date, so you can compare over time.'));
  }
  const shown = view.history.slice(0, 6);
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'history-heading', id: 'diagnostic-history' },
    heading,
    h('p', { class: 'panel-note' }, `${view.history.length} dated ${view.history.length === 1 ? 'answer' : 'answers'}, newest first${view.history.length > shown.length ? `; the ${shown.length} latest are compared below` : ''}.`),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'hr-table diag-history', id: 'history-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Statement'), ...shown.map((entry) => h('th', { scope: 'col', class: 'num' }, when(entry))))),
        h(
          'tbody',
          {},
          ...view.statements.map((statement, index) =>
            h(
              'tr',
              { 'data-statement': statement.id },
              h('th', { scope: 'row' }, `${index + 1}. ${statement.tests}`),
              ...shown.map((entry) => h('td', { class: `num diag-mark ${entry.answers[statement.id] ? 'diag-yes' : 'diag-no'}` }, entry.answers[statement.id] ? '✓ yes' : '– no')),
            ),
          ),
          h('tr', { class: 'diag-total' }, h('th', { scope: 'row' }, 'Score'), ...shown.map((entry) => h('td', { class: 'num', 'data-score': entry.score }, `${entry.score} / ${DIAGNOSTIC_IDS.length}`))),
          h('tr', {}, h('th', { scope: 'row' }, 'Band'), ...shown.map((entry) => h('td', { class: 'num', 'data-band': entry.band.id }, entry.band.label))),
          h('tr', {}, h('th', { scope: 'row' }, 'Note'), ...shown.map((entry) => h('td', { class: 'diag-note' }, entry.note || '—'))),
        ),
      ),
    ),
  );
}

function when(entry: DiagnosticEntryView): string {
  return `${WHEN.format(new Date(entry.answeredAt))} UTC`;
}
