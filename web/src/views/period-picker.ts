import { choosePeriod, type AppState } from '../app-state.ts';
import { h } from '../dom.ts';
import { longDate } from '../format.ts';
import type { PeriodPreset } from '../periods.ts';

const PRESETS: Array<[PeriodPreset, string]> = [
  ['this-quarter', 'This quarter'],
  ['last-quarter', 'Last quarter'],
  ['last-12-months', 'Last 12 months'],
  ['custom', 'Custom…'],
];

/** The period control shared by the dashboard and the events page. */
export function periodPicker(state: AppState, onChange: () => void): HTMLElement {
  const select = h('select', { id: 'period-preset', 'aria-label': 'Period' }, ...PRESETS.map(([value, label]) => h('option', { value, selected: value === state.preset }, label)));
  const from = h('input', { type: 'date', id: 'period-from', value: state.period.from, 'aria-label': 'From' });
  const to = h('input', { type: 'date', id: 'period-to', value: state.period.to, 'aria-label': 'To' });
  const apply = h('button', { type: 'submit', class: 'secondary' }, 'Apply');
  // A refused range must not stay refused once corrected.
  for (const input of [from, to]) input.addEventListener('input', () => to.setCustomValidity(''));
  const custom = h('span', { class: 'period-custom', hidden: state.preset !== 'custom' }, from, h('span', { 'aria-hidden': 'true' }, '–'), to, apply);
  const label = h('span', { class: 'period-label' }, `${longDate(state.period.from)} – ${longDate(state.period.to)}`);

  select.addEventListener('change', () => {
    const preset = select.value as PeriodPreset;
    custom.hidden = preset !== 'custom';
    if (preset !== 'custom') {
      choosePeriod(state, preset);
      onChange();
    } else {
      from.focus();
    }
  });
  const form = h('form', { class: 'period-picker' }, h('label', { for: 'period-preset' }, 'Period'), select, custom, label);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!from.value || !to.value || from.value > to.value) {
      to.setCustomValidity('The end must be on or after the start.');
      to.reportValidity();
      return;
    }
    to.setCustomValidity('');
    choosePeriod(state, 'custom', { from: from.value, to: to.value });
    onChange();
  });
  return form;
}
