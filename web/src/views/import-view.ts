import { EXCLUSION_LABELS, type ExclusionReason } from '../../../shared/taxonomy.ts';
import { api, type ImportResult } from '../api.ts';
import { isOwner, leaderZone } from '../app-state.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { longDate, plural } from '../format.ts';
import { announce } from './announce.ts';
import { calendarSources } from './calendar-sources.ts';
import { countsList, issueLists } from './import-report-parts.ts';
import type { View } from './view.ts';

interface Planned {
  file: File;
  source: string;
}

/**
 * Drop or choose .ics exports for a leader (or add one first); each file is imported in turn
 * into a named calendar, and its report shown in plain words above the leader's calendars and
 * the help.
 */
export const importView: View = (root, state) => {
  const results = h('div', { class: 'import-results' });
  const calendars = state.leader ? calendarSources(state.leader.id, { zone: leaderZone(state), canRemove: isOwner(state) }) : null;
  let working = false;

  // A file dropped a little outside the zone must not make the browser open it instead.
  const swallow = (event: DragEvent) => event.preventDefault();
  window.addEventListener('dragover', swallow);
  window.addEventListener('drop', swallow);

  function render(): void {
    replaceChildren(
      root,
      h('div', { class: 'page-heading' }, h('h1', {}, 'Import a calendar')),
      state.leader ? importPanel() : notice('error', 'Your account has no calendar profile; only a leader’s account imports calendars.'),
      results,
      calendars?.element,
      howToExport(),
    );
  }

  function importPanel(): HTMLElement {
    const input = h('input', { type: 'file', id: 'ics-files', accept: '.ics,text/calendar', multiple: true, disabled: working });
    const source = h('input', { id: 'ics-source', value: 'primary', maxlength: 100, required: true });
    const from = h('input', { type: 'date', id: 'import-from' });
    const to = h('input', { type: 'date', id: 'import-to' });
    const zone = h(
      'div',
      { class: 'drop-zone', id: 'drop-zone' },
      h('p', {}, h('strong', {}, 'Drop .ics files here'), h('label', { for: 'ics-files', class: 'file-label' }, ' or choose them:'), input),
      h('p', { class: 'panel-note' }, 'Re-importing a newer export of the same calendar updates it; nothing is counted twice.'),
    );
    const planSlot = h('div', { class: 'plan-slot' });
    const chosenDates = () => ({ ...(from.value ? { from: from.value } : {}), ...(to.value ? { to: to.value } : {}) });

    const accept = (files: File[]) => {
      if (working || files.length === 0) return;
      if (files.length === 1) {
        void importFiles([{ file: files[0]!, source: source.value.trim() || 'primary' }], chosenDates());
        return;
      }
      // Several files are usually several calendars: name each (from its file name) before importing,
      // because importing two calendars under one name would let the second replace the first.
      replaceChildren(planSlot, planForm(files, (planned) => {
        replaceChildren(planSlot);
        void importFiles(planned, chosenDates());
      }));
      planSlot.querySelector<HTMLElement>('input')?.focus();
    };
    input.addEventListener('change', () => {
      accept([...(input.files ?? [])]);
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
      accept([...(event.dataTransfer?.files ?? [])]);
    });
    return h(
      'section',
      { class: 'panel', 'aria-label': 'Import' },
      h('div', { class: 'field inline' }, h('label', { for: 'ics-source' }, 'Which calendar is this?'), source, h('span', { class: 'panel-note' }, 'e.g. primary, work, delegate')),
      h(
        'details',
        { class: 'import-window' },
        h('summary', {}, 'Only import some dates (optional)'),
        h(
          'p',
          { class: 'panel-note' },
          'By default Altitude reads three years back to a year ahead, in whole quarters. Give dates to read only part of it; events outside stay as they are.',
        ),
        h('div', { class: 'field inline' }, h('label', { for: 'import-from' }, 'From'), from, h('label', { for: 'import-to' }, 'to'), to),
      ),
      zone,
      planSlot,
    );
  }

  function planForm(files: File[], onImport: (planned: Planned[]) => void): HTMLElement {
    const inputs = files.map((file, index) =>
      h('input', { id: `plan-source-${index}`, value: calendarName(file.name), maxlength: 100, required: true, 'aria-label': `Calendar name for ${file.name}` }),
    );
    const form = h(
      'form',
      { class: 'plan', 'aria-label': 'Name each calendar' },
      h('h2', {}, `Import ${plural(files.length, 'file')}`),
      h('p', { class: 'panel-note' }, 'Each file is a calendar of its own unless you give two the same name (for example an older and a newer export of one calendar: the later one then updates the earlier).'),
      h('ol', {}, ...files.map((file, index) => h('li', {}, h('span', { class: 'plan-file' }, file.name), inputs[index]))),
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'plan-import' }, `Import ${plural(files.length, 'file')}`), h('button', { type: 'button', class: 'link', id: 'plan-cancel' }, 'Cancel')),
    );
    form.querySelector('#plan-cancel')!.addEventListener('click', () => form.remove());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      onImport(files.map((file, index) => ({ file, source: inputs[index]!.value.trim() || calendarName(file.name) })));
    });
    return form;
  }

  async function importFiles(planned: Planned[], dates: { from?: string; to?: string }): Promise<void> {
    const leader = state.leader!;
    working = true;
    root.querySelector<HTMLInputElement>('#ics-files')?.setAttribute('disabled', '');
    const cards = planned.map(({ file }, index) => {
      const card = h('article', { class: 'import-card', tabindex: -1 }, h('h2', {}, file.name), notice('loading', planned.length > 1 ? `Waiting (${index + 1} of ${planned.length})…` : 'Waiting…'));
      return card;
    });
    replaceChildren(results, ...cards);
    cards[0]?.focus();
    let imported = 0;
    for (const [index, { file, source }] of planned.entries()) {
      const card = cards[index]!;
      const heading = h('h2', {}, file.name, h('span', { class: 'card-source' }, ` → “${source}”`));
      replaceChildren(card, heading, notice('loading', planned.length > 1 ? `Importing ${index + 1} of ${planned.length}…` : 'Importing…'));
      try {
        const result = await api.importCalendar(leader.id, file, { source, ...dates });
        replaceChildren(card, heading, ...report(result, leader.email));
        imported += 1;
        if (!leader.timeZone) leader.timeZone = result.timeZone;
      } catch (error) {
        replaceChildren(card, heading, notice('error', `Not imported: ${(error as Error).message}`));
      }
    }
    working = false;
    root.querySelector<HTMLInputElement>('#ics-files')?.removeAttribute('disabled');
    if (imported > 0) void calendars?.refresh();
    announce(planned.length === 1 ? (imported === 1 ? 'Import finished.' : 'The file was not imported.') : `${imported} of ${planned.length} files imported.`);
  }

  render();
  return () => {
    window.removeEventListener('dragover', swallow);
    window.removeEventListener('drop', swallow);
  };
};

/** "maya-work.ics" → "maya-work": a default calendar name for one of several files. */
function calendarName(fileName: string): string {
  return fileName.replace(/\.(ics|ical|ifb|icalendar)$/i, '').trim().slice(0, 100) || 'primary';
}

function report(result: ImportResult, leaderEmail: string): Array<HTMLElement | null> {
  const excluded = Object.entries(result.excluded) as Array<[ExclusionReason, number]>;
  const mismatch = result.issues.filter((i) => i.code === 'identity-mismatch');
  const others = result.issues.filter((i) => i.code !== 'identity-mismatch');
  const span = `${longDate(result.window.from)} and ${longDate(result.window.to)}`;
  return [
    result.instances === 0
      ? h('p', { class: 'import-empty' }, `No events found between ${span} in this file. If you expected some, check the export's date range (below) or give dates under “Only import some dates”.`)
      : h('p', { class: 'import-ok' }, `Imported into “${result.source}”: ${plural(result.instances, 'event')} between ${span}, days counted in ${result.timeZone}.`),
    ...mismatch.map((i) => h('p', { class: 'notice notice-warning', role: 'alert' }, `${i.message} Is this ${leaderEmail}'s calendar? If not, add the right leader and import it there.`)),
    result.removed > 0
      ? h('p', { class: 'notice notice-warning' }, `${plural(result.removed, 'event')} from the earlier import of “${result.source}” ${result.removed === 1 ? 'is' : 'are'} no longer in this export and ${result.removed === 1 ? 'was' : 'were'} removed. If this file is a different calendar, import it under another name.`)
      : null,
    countsList(result),
    excluded.length > 0
      ? h('p', {}, 'Not counted as work: ', excluded.map(([why, n]) => `${n} ${EXCLUSION_LABELS[why]}`).join(', '), '.')
      : result.instances > 0
        ? h('p', {}, 'Everything imported counts as work time.')
        : null,
    result.unclassified > 0 ? h('p', {}, `${plural(result.unclassified, 'event')} need${result.unclassified === 1 ? 's' : ''} a decision: `, h('a', { href: '#/events?category=unclassified' }, 'place them')) : null,
    result.instances > 0 ? h('p', {}, h('a', { href: '#/' }, 'See the dashboard')) : null,
    ...issueLists(others),
  ];
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
