import { EXCLUSION_LABELS, type ExclusionReason } from '../../../shared/taxonomy.ts';
import { api, type ImportResult } from '../api.ts';
import { selectLeader, type AppState } from '../app-state.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { longDate } from '../format.ts';
import type { View } from './view.ts';

/** Drop or choose .ics exports; each is imported in turn and its report shown in plain words. */
export const importView: View = (root, state) => {
  const results = h('div', { class: 'import-results', 'aria-live': 'polite' });

  function render(): void {
    replaceChildren(root, h('div', { class: 'page-heading' }, h('h1', {}, 'Import a calendar')), state.leader ? importPanel() : leaderForm(), howToExport(), results);
  }

  function leaderForm(): HTMLElement {
    const email = h('input', { type: 'email', id: 'leader-email', required: true, autocomplete: 'email' });
    const name = h('input', { id: 'leader-name', autocomplete: 'name' });
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const form = h(
      'form',
      { class: 'panel', 'aria-label': 'Whose calendar' },
      h('h2', {}, 'Whose calendar is it?'),
      h('p', { class: 'panel-note' }, 'The e-mail address tells Altitude which meetings you organised and which you declined.'),
      h('div', { class: 'field' }, h('label', { for: 'leader-email' }, 'E-mail'), email),
      h('div', { class: 'field' }, h('label', { for: 'leader-name' }, 'Name (optional)'), name),
      error,
      h('button', { type: 'submit' }, 'Continue'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void (async () => {
        try {
          const leader = await api.createLeader({ email: email.value, ...(name.value ? { name: name.value } : {}) });
          state.leaders.push(leader);
          selectLeader(state, leader.id);
          document.dispatchEvent(new CustomEvent('leaders-changed'));
          render();
        } catch (failure) {
          error.textContent = (failure as Error).message;
          error.hidden = false;
        }
      })();
    });
    return form;
  }

  function importPanel(): HTMLElement {
    const input = h('input', { type: 'file', id: 'ics-files', accept: '.ics,text/calendar', multiple: true });
    const source = h('input', { id: 'ics-source', value: 'primary', maxlength: 100 });
    const zone = h(
      'div',
      { class: 'drop-zone', id: 'drop-zone' },
      h('p', {}, h('strong', {}, 'Drop .ics files here'), h('label', { for: 'ics-files', class: 'file-label' }, ' or choose them:'), input),
      h('p', { class: 'panel-note' }, `Importing for ${state.leader!.name ?? state.leader!.email}. Re-importing a newer export of the same calendar updates it; nothing is counted twice.`),
    );
    input.addEventListener('change', () => {
      if (input.files?.length) void importFiles([...input.files], source.value);
      input.value = '';
    });
    zone.addEventListener('dragover', (event) => {
      event.preventDefault();
      zone.classList.add('drop-active');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('drop-active'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('drop-active');
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length) void importFiles(files, source.value);
    });
    return h(
      'section',
      { class: 'panel', 'aria-label': 'Import' },
      zone,
      h('div', { class: 'field inline' }, h('label', { for: 'ics-source' }, 'Which calendar is this?'), source, h('span', { class: 'panel-note' }, 'e.g. primary, work, delegate, archive')),
    );
  }

  async function importFiles(files: File[], source: string): Promise<void> {
    for (const file of files) {
      const card = h('article', { class: 'import-card' }, h('h2', {}, file.name), notice('loading', `Importing ${file.name}…`));
      results.prepend(card);
      try {
        const result = await api.importCalendar(state.leader!.id, file, source || 'primary');
        replaceChildren(card, h('h2', {}, file.name), ...report(result));
        if (!state.leader!.timeZone) {
          state.leader!.timeZone = result.timeZone;
        }
      } catch (error) {
        replaceChildren(card, h('h2', {}, file.name), notice('error', `Not imported: ${(error as Error).message}`));
      }
    }
  }

  render();
};

function report(result: ImportResult): Array<HTMLElement | null> {
  const excluded = Object.entries(result.excluded) as Array<[ExclusionReason, number]>;
  const errors = result.issues.filter((i) => i.severity === 'error');
  const warnings = result.issues.filter((i) => i.severity === 'warning');
  const infos = result.issues.filter((i) => i.severity === 'info');
  const counts = h(
    'ul',
    { class: 'counts' },
    count('added', result.added),
    count('updated', result.updated),
    count('unchanged', result.unchanged),
    count('removed', result.removed),
  );
  const listIssues = (title: string, issues: ImportResult['issues']) =>
    issues.length === 0
      ? null
      : h(
          'details',
          { class: 'issues', open: title.startsWith('Could not') },
          h('summary', {}, `${title} (${issues.length})`),
          h('ul', {}, ...issues.map((i) => h('li', {}, i.message, i.line ? h('span', { class: 'issue-where' }, ` line ${i.line}`) : null))),
        );
  return [
    h('p', { class: 'import-ok' }, `Imported into “${result.source}”: ${result.instances} events from ${longDate(result.window.from)} to ${longDate(result.window.to)}, days counted in ${result.timeZone}.`),
    counts,
    excluded.length > 0
      ? h('p', {}, 'Not counted as work: ', excluded.map(([why, n]) => `${n} ${EXCLUSION_LABELS[why]}`).join(', '), '.')
      : h('p', {}, 'Nothing was excluded.'),
    result.unclassified > 0 ? h('p', {}, `${result.unclassified} events need a decision: `, h('a', { href: '#/events?category=unclassified' }, 'place them')) : null,
    listIssues('Could not be used', errors),
    listIssues('Read with an assumption', warnings),
    listIssues('Good to know', infos),
  ];
}

function count(label: string, value: number): HTMLElement {
  return h('li', { 'data-count': label }, h('strong', {}, String(value)), ` ${label}`);
}

function howToExport(): HTMLElement {
  return h(
    'section',
    { class: 'panel how-to', 'aria-label': 'Where to get an export' },
    h('h2', {}, 'Where to get the .ics file'),
    h(
      'ul',
      {},
      h('li', {}, h('strong', {}, 'Google Calendar: '), 'Settings → Import & export → Export. Unzip the download; your own calendar is the file named after your address.'),
      h('li', {}, h('strong', {}, 'Outlook: '), 'File → Save Calendar → More options: pick the date range and "Full details" → Save. (Outlook on the web: Settings → Calendar → Shared calendars → Publish, then download the ICS link.)'),
      h('li', {}, h('strong', {}, 'Apple Calendar: '), 'select the calendar, then File → Export → Export…'),
    ),
  );
}
