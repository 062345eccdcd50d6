import type { Rule, RuleInput } from '../../../shared/rules.ts';
import { CATEGORY_INFO } from '../../../shared/taxonomy.ts';
import { api, ruleNumber } from '../api.ts';
import { canEdit, type AppState } from '../app-state.ts';
import { h, notice, replaceChildren } from '../dom.ts';
import { plural } from '../format.ts';
import { announce } from './announce.ts';
import { describeRule, ruleEditor } from './rule-editor.ts';
import { leaderPageFailure, noLeaderNotice } from './no-leader.ts';
import { wordingFor } from './rules-wording.ts';
import type { View } from './view.ts';

const NEW_RULE: RuleInput = { name: '', match: 'all', conditions: [{ field: 'title', op: 'mentions', value: [''] }], category: 'strategic', stage: 'classification' };

/** The leader's rules (create, edit, reorder, switch off, delete) and the defaults, read-only. */
export const rulesView: View = (root, state) => {
  const editorSlot = h('div', { class: 'editor-slot' });
  const list = h('div');
  const editable = canEdit(state);
  const words = wordingFor(state);
  const add = editable ? h('button', { type: 'button', id: 'new-rule' }, 'New rule') : null;
  add?.addEventListener('click', () => openEditor(NEW_RULE));
  replaceChildren(
    root,
    h('div', { class: 'page-heading' }, h('h1', {}, words.title), add),
    h('p', { class: 'lead', id: 'rules-lead' }, words.lead),
    editable || !state.leader ? null : h('p', { class: 'panel-note', id: 'rules-read-only' }, `You can read these rules; ${words.owner} has not allowed you to change them.`),
    editorSlot,
    list,
  );

  async function load(): Promise<void> {
    if (!state.leader) {
      replaceChildren(list, noLeaderNotice(state));
      return;
    }
    replaceChildren(list, notice('loading', 'Loading rules…'));
    try {
      const { rules, defaults } = await api.rules(state.leader.id);
      replaceChildren(list, userRules(rules), defaultRules(defaults));
    } catch (error) {
      replaceChildren(list, leaderPageFailure(state, error, () => void load()));
    }
  }

  function userRules(rules: Rule[]): HTMLElement {
    if (rules.length === 0) {
      return h('section', { class: 'panel', 'aria-label': words.heading, id: 'user-rules-empty' }, h('h2', {}, words.heading), h('p', {}, words.none));
    }
    return h(
      'section',
      { class: 'panel', 'aria-label': words.heading },
      h('h2', {}, `${words.heading} (${rules.length})`),
      h(
        'ol',
        { class: 'rule-list', id: 'user-rules' },
        ...rules.map((rule, index) => {
          const id = ruleNumber(rule);
          const toggle = h('input', { type: 'checkbox', id: `rule-enabled-${id}`, checked: rule.enabled, 'aria-label': `Rule “${rule.name}” is on` });
          toggle.addEventListener('change', () => void save(id, { ...toInput(rule), enabled: toggle.checked }, toggle.checked ? 'switched on' : 'switched off'));
          const up = action('↑', `Move “${rule.name}” up`, () => void move(rules, index, -1), index === 0);
          const down = action('↓', `Move “${rule.name}” down`, () => void move(rules, index, 1), index === rules.length - 1);
          const edit = action('Edit', `Edit “${rule.name}”`, () => openEditor(toInput(rule), id));
          const remove = action('Delete', `Delete “${rule.name}”`, () => void removeRule(rule));
          return h(
            'li',
            { class: `rule ${rule.enabled ? '' : 'rule-off'}`, 'data-rule-id': id },
            h('div', { class: 'rule-head' }, h('span', { class: 'rule-name' }, rule.name), h('span', { class: `chip-label chip-${rule.category}` }, CATEGORY_INFO[rule.category].label)),
            conditionsText(rule),
            editable ? h('div', { class: 'rule-actions' }, h('span', { class: 'check' }, toggle, h('label', { for: `rule-enabled-${id}` }, 'On')), up, down, edit, remove) : h('p', { class: 'panel-note' }, rule.enabled ? 'On' : 'Off'),
          );
        }),
      ),
    );
  }

  function defaultRules(defaults: Rule[]): HTMLElement {
    return h(
      'section',
      { class: 'panel', 'aria-label': 'Default rules' },
      h('details', {}, h('summary', {}, `Default rules (${defaults.length}): checked after ${words.theirs}, in this order`), h('ol', { class: 'rule-list rule-list-defaults' }, ...defaults.map((rule) =>
        h('li', { class: 'rule' }, h('div', { class: 'rule-head' }, h('span', { class: 'rule-name' }, rule.name), h('span', { class: `chip-label chip-${rule.category}` }, CATEGORY_INFO[rule.category].label)), conditionsText(rule)),
      ))),
    );
  }

  function conditionsText(rule: Rule): HTMLElement {
    const { short, full } = describeRule(rule, state);
    return h('p', { class: 'rule-conditions', title: short === full ? undefined : full }, short);
  }

  function openEditor(initial: RuleInput, ruleId?: number): void {
    const close = () => replaceChildren(editorSlot);
    replaceChildren(
      editorSlot,
      h(
        'section',
        { class: 'panel' },
        h('h2', {}, ruleId ? 'Edit rule' : 'New rule'),
        ruleEditor(state, {
          initial,
          ...(ruleId !== undefined ? { ruleId } : {}),
          onCancel: close,
          onSaved: (moved) => {
            close();
            announce(`Rule saved: ${plural(moved, 'event')} moved.`);
            void load();
          },
        }),
      ),
    );
    editorSlot.querySelector<HTMLInputElement>('#rule-name')?.focus();
  }

  async function save(id: number, input: RuleInput, what: string): Promise<void> {
    try {
      const { moved } = await api.updateRule(state.leader!.id, id, input);
      announce(`Rule ${what}: ${plural(moved, 'event')} moved.`);
      await load();
    } catch (error) {
      announce((error as Error).message, true);
    }
  }

  async function move(rules: Rule[], index: number, by: -1 | 1): Promise<void> {
    const ids = rules.map(ruleNumber);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    try {
      const result = await api.reorderRules(state.leader!.id, ids);
      announce(`Order saved: ${plural(result.moved, 'event')} moved.`);
      await load();
    } catch (error) {
      announce((error as Error).message, true);
    }
  }

  async function removeRule(rule: Rule): Promise<void> {
    try {
      // Say what deleting would move before it moves: the same preview as editing, with the rule gone.
      const preview = await api.previewRule(state.leader!.id, { ...toInput(rule), enabled: false }, ruleNumber(rule));
      const consequence = preview.total === 0 ? 'No stored event would move.' : `${plural(preview.total, 'event')} would move to what the other rules say.`;
      if (!window.confirm(`Delete the rule “${rule.name}”? ${consequence}`)) return;
      const { moved } = await api.deleteRule(state.leader!.id, ruleNumber(rule));
      announce(`Rule deleted: ${plural(moved, 'event')} moved.`);
      await load();
    } catch (error) {
      announce((error as Error).message, true);
    }
  }

  void load();
};

function toInput(rule: Rule): RuleInput {
  const input: RuleInput = { name: rule.name, enabled: rule.enabled, match: rule.match, conditions: rule.conditions, category: rule.category, stage: rule.stage };
  if (rule.exclusionReason) input.exclusionReason = rule.exclusionReason;
  return input;
}

function action(label: string, description: string, onClick: () => void, disabled = false): HTMLButtonElement {
  const element = h('button', { type: 'button', class: 'secondary small', 'aria-label': description, disabled }, label);
  element.addEventListener('click', onClick);
  return element;
}


