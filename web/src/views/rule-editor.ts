import type { Condition, Rule, RuleInput } from '../../../shared/rules.ts';
import { ASSIGNABLE_IDS, CATEGORY_INFO, EXCLUSION_REASONS, type Assignable } from '../../../shared/taxonomy.ts';
import { api, RequestFailed, type RulePreview, type Vocabulary } from '../api.ts';
import type { AppState } from '../app-state.ts';
import { h, replaceChildren } from '../dom.ts';

export interface RuleEditorOptions {
  /** The rule being edited, or the starting point of a new one. */
  initial: RuleInput;
  /** The id of the user rule being edited; absent for a new rule. */
  ruleId?: number;
  onSaved: (moved: number) => void;
  onCancel: () => void;
  /** Show at once what the rule would move (a rule made from an event). */
  previewOnOpen?: boolean;
  /** The category is not yet chosen (a rule made from an unclassified event): ask, never assume. */
  chooseCategory?: boolean;
}

/**
 * A form for one rule: name, conditions (field, operator, value), the category it gives. The
 * preview shows, before saving, how many stored events it would move and where.
 */
export function ruleEditor(state: AppState, options: RuleEditorOptions): HTMLElement {
  const vocabulary = state.vocabulary;
  const draft: RuleInput = structuredClone(options.initial);
  const form = h('form', { class: 'rule-editor', 'aria-label': options.ruleId ? 'Edit rule' : 'New rule' });
  const previewBox = h('div', { class: 'rule-preview', 'aria-live': 'polite' });
  const errorBox = h('p', { class: 'form-error', role: 'alert', hidden: true });
  let previewed: string | null = null;
  let categoryChosen = !options.chooseCategory;
  const saveLabel = options.ruleId ? 'Save rule' : 'Create rule';

  function render(): void {
    const name = h('input', { id: 'rule-name', value: draft.name, required: true, maxlength: 200 });
    name.addEventListener('input', () => (draft.name = name.value));
    const match = h(
      'select',
      { id: 'rule-match', 'aria-label': 'Which conditions must hold' },
      h('option', { value: 'all', selected: (draft.match ?? 'all') === 'all' }, 'all conditions'),
      h('option', { value: 'any', selected: draft.match === 'any' }, 'any condition'),
    );
    match.addEventListener('change', () => (draft.match = match.value as 'all' | 'any'));
    const category = h(
      'select',
      { id: 'rule-category' },
      categoryChosen ? null : h('option', { value: '', selected: true, disabled: true }, 'Choose a category…'),
      ...ASSIGNABLE_IDS.map((id) => h('option', { value: id, selected: categoryChosen && id === draft.category }, CATEGORY_INFO[id].label)),
    );
    const reason = h(
      'select',
      { id: 'rule-reason', 'aria-label': 'Why it is excluded' },
      ...EXCLUSION_REASONS.map((id) => h('option', { value: id, selected: id === (draft.exclusionReason ?? 'other') }, state.taxonomy.exclusionReasons[id])),
    );
    const reasonWrap = h('span', { hidden: !categoryChosen || draft.category !== 'excluded' }, ' because: ', reason);
    category.addEventListener('change', () => {
      categoryChosen = true;
      // A name written for the old category ("“Budget review” is operational") follows the new one;
      // a name the user wrote stays as it is.
      const generated = `is ${CATEGORY_INFO[draft.category].label.toLowerCase()}`;
      if (draft.name.endsWith(` ${generated}`)) {
        draft.name = `${draft.name.slice(0, -generated.length)}is ${CATEGORY_INFO[category.value as Assignable].label.toLowerCase()}`;
        name.value = draft.name;
      }
      draft.category = category.value as Assignable;
      reasonWrap.hidden = draft.category !== 'excluded';
      if (draft.category === 'excluded') draft.exclusionReason ??= 'other';
      else delete draft.exclusionReason;
    });
    reason.addEventListener('change', () => (draft.exclusionReason = reason.value as RuleInput['exclusionReason']));
    const stage = h('input', { type: 'checkbox', id: 'rule-stage', checked: draft.stage === 'exclusion' });
    stage.addEventListener('change', () => (draft.stage = stage.checked ? 'exclusion' : 'classification'));

    const conditions = h('ol', { class: 'conditions' }, ...draft.conditions.map((condition, index) => conditionRow(vocabulary, condition, index)));
    const addCondition = h('button', { type: 'button', class: 'secondary' }, 'Add a condition');
    addCondition.addEventListener('click', () => {
      draft.conditions.push({ field: 'title', op: 'contains', value: '' });
      render();
    });

    const preview = h('button', { type: 'button', class: 'secondary', id: 'rule-preview-button' }, 'Preview');
    preview.addEventListener('click', () => void runPreview());
    const save = h('button', { type: 'submit', id: 'rule-save' }, saveLabel);
    const cancel = h('button', { type: 'button', class: 'link' }, 'Cancel');
    cancel.addEventListener('click', options.onCancel);

    replaceChildren(
      form,
      h('div', { class: 'field' }, h('label', { for: 'rule-name' }, 'Name'), name),
      h('p', { class: 'field inline' }, 'When ', match, ' hold:'),
      conditions,
      addCondition,
      h('p', { class: 'field inline' }, h('label', { for: 'rule-category' }, 'Place the event in '), category, reasonWrap),
      h(
        'p',
        { class: 'field inline' },
        stage,
        h('label', { for: 'rule-stage' }, ' Check this rule first, before anything is set aside as not work time (use it to count something Altitude would otherwise leave out, or to leave something out)'),
      ),
      errorBox,
      h('div', { class: 'actions' }, preview, save, cancel),
      previewBox,
    );
  }

  function conditionRow(vocab: Vocabulary, condition: Condition, index: number): HTMLElement {
    const fieldType = vocab.fields[condition.field]!;
    const field = h(
      'select',
      { 'aria-label': `Condition ${index + 1}: field` },
      ...Object.keys(vocab.fields).map((id) => h('option', { value: id, selected: id === condition.field }, vocab.fieldLabels[id] ?? id)),
    );
    const ops = vocab.operators[fieldType]!;
    const op = h(
      'select',
      { 'aria-label': `Condition ${index + 1}: operator` },
      ...Object.keys(ops).map((id) => h('option', { value: id, selected: id === condition.op }, vocab.operatorLabels[id] ?? id)),
    );
    const valueInput = valueEditor(vocab, condition, index);
    const remove = h('button', { type: 'button', class: 'link', 'aria-label': `Remove condition ${index + 1}`, disabled: draft.conditions.length === 1 }, 'Remove');
    field.addEventListener('change', () => {
      const type = vocab.fields[field.value]!;
      const firstOp = Object.keys(vocab.operators[type]!)[0]!;
      draft.conditions[index] = { field: field.value as Condition['field'], op: firstOp as Condition['op'], value: defaultValue(vocab, type, firstOp, field.value) };
      render();
    });
    op.addEventListener('change', () => {
      draft.conditions[index] = { ...condition, op: op.value as Condition['op'], value: defaultValue(vocab, fieldType, op.value, condition.field) };
      render();
    });
    remove.addEventListener('click', () => {
      draft.conditions.splice(index, 1);
      render();
    });
    return h('li', { class: 'condition' }, field, op, valueInput, remove);
  }

  function valueEditor(vocab: Vocabulary, condition: Condition, index: number): HTMLElement {
    const kind = vocab.operators[vocab.fields[condition.field]!]![condition.op];
    const label = `Condition ${index + 1}: value`;
    if (kind === 'boolean') {
      const select = h('select', { 'aria-label': label }, h('option', { value: 'true', selected: condition.value === true }, 'yes'), h('option', { value: 'false', selected: condition.value === false }, 'no'));
      select.addEventListener('change', () => (draft.conditions[index] = { ...condition, value: select.value === 'true' }));
      return select;
    }
    if (vocab.fields[condition.field] === 'enum' && kind === 'string') {
      const values = vocab.enumValues[condition.field] ?? [];
      const select = h('select', { 'aria-label': label }, ...values.map((v) => h('option', { value: v, selected: v === condition.value }, v)));
      select.addEventListener('change', () => (draft.conditions[index] = { ...condition, value: select.value }));
      return select;
    }
    if (kind === 'number') {
      const input = h('input', { type: 'number', step: 'any', value: String(condition.value), 'aria-label': label });
      input.addEventListener('input', () => (draft.conditions[index] = { ...condition, value: Number(input.value) }));
      return input;
    }
    const isList = kind === 'list';
    const text = Array.isArray(condition.value) ? condition.value.join(', ') : String(condition.value);
    const input = h('input', { value: text, 'aria-label': label, placeholder: isList ? 'comma-separated values' : kind === 'regex' ? 'regular expression' : 'text' });
    input.addEventListener('input', () => {
      draft.conditions[index] = {
        ...condition,
        value: isList
          ? input.value
              .split(',')
              .map((v) => v.trim())
              .filter(Boolean)
          : input.value,
      };
    });
    return input;
  }

  async function runPreview(): Promise<RulePreview | null> {
    errorBox.hidden = true;
    if (!categoryChosen) {
      showError(new Error('Choose the category this rule gives, then preview it.'));
      form.querySelector<HTMLSelectElement>('#rule-category')?.focus();
      return null;
    }
    replaceChildren(previewBox, h('p', {}, 'Working out what the rule would move…'));
    try {
      const preview = await api.previewRule(state.leader!.id, draft, options.ruleId);
      previewed = JSON.stringify(draft);
      const moves = Object.entries(preview.moves);
      replaceChildren(
        previewBox,
        h('p', { class: 'preview-total', id: 'rule-preview-total' }, preview.total === 0 ? 'This rule would move no stored events.' : `This rule would move ${preview.total} stored event${preview.total === 1 ? '' : 's'}:`),
        moves.length > 0 ? h('ul', {}, ...moves.map(([move, count]) => h('li', {}, `${count} × ${describeMove(move)}`))) : null,
        preview.changes.length > 0
          ? h('details', {}, h('summary', {}, 'Which ones'), h('ul', { class: 'preview-list' }, ...preview.changes.slice(0, 50).map((c) => h('li', {}, `${c.start.slice(0, 10)} ${c.summary || '(no title)'}: ${describeMove(`${c.from} -> ${c.to}`)}`))))
          : null,
      );
      return preview;
    } catch (error) {
      replaceChildren(previewBox);
      showError(error);
      return null;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      // Always show what will move before it moves: a first press of Save shows the preview.
      if (previewed !== JSON.stringify(draft)) {
        const preview = await runPreview();
        if (preview) previewBox.append(h('p', { class: 'preview-confirm' }, `Press “${saveLabel}” again to apply it.`));
        return;
      }
      try {
        const result = options.ruleId ? await api.updateRule(state.leader!.id, options.ruleId, draft) : await api.createRule(state.leader!.id, draft);
        options.onSaved(result.moved);
      } catch (error) {
        showError(error);
      }
    })();
  });

  function showError(error: unknown): void {
    errorBox.textContent = error instanceof RequestFailed || !(error instanceof TypeError) ? (error as Error).message : 'The rule could not be saved: the server did not answer.';
    errorBox.hidden = false;
  }

  render();
  if (options.previewOnOpen) void runPreview();
  return form;
}

function describeMove(move: string): string {
  const [from, to] = move.split(' -> ') as [keyof typeof CATEGORY_INFO, keyof typeof CATEGORY_INFO];
  return `${CATEGORY_INFO[from]?.label ?? from} → ${CATEGORY_INFO[to]?.label ?? to}`;
}

function defaultValue(vocab: Vocabulary, type: string, op: string, field: string): Condition['value'] {
  const kind = vocab.operators[type]![op];
  if (kind === 'boolean') return true;
  if (kind === 'number') return 0;
  if (kind === 'list') return type === 'enum' ? [vocab.enumValues[field]?.[0] ?? ''] : [''];
  if (type === 'enum') return vocab.enumValues[field]?.[0] ?? '';
  return '';
}

/** A rule that would place events like this one: its title, as text to look for. */
export function ruleFromEvent(summary: string, category: Assignable): RuleInput {
  const title = summary.trim().slice(0, 200);
  const rule: RuleInput = { name: `“${title}” is ${CATEGORY_INFO[category].label.toLowerCase()}`, match: 'all', conditions: [{ field: 'title', op: 'contains', value: title }], category, stage: 'classification' };
  if (category === 'excluded') {
    rule.exclusionReason = 'other';
    rule.stage = 'exclusion';
  }
  return rule;
}

/**
 * A rule in words. Long word lists and regular expressions (the defaults have several hundred
 * words each) are cut to a few items so the list stays readable; `full` keeps everything for a
 * tooltip.
 */
export function describeRule(rule: Rule, state: AppState): { short: string; full: string } {
  const { fieldLabels, operatorLabels } = state.vocabulary;
  const describe = (limit: number) =>
    rule.conditions
      .map((c) => {
        const field = fieldLabels[c.field] ?? c.field;
        const op = operatorLabels[c.op] ?? c.op;
        if (Array.isArray(c.value)) {
          const shown = c.value.slice(0, limit).map((v) => `“${v}”`).join(', ');
          return `${field} ${op} ${shown}${c.value.length > limit ? ` and ${c.value.length - limit} more` : ''}`;
        }
        if (typeof c.value === 'string') {
          const text = c.value.length > limit * 12 ? `${c.value.slice(0, limit * 12)}…` : c.value;
          return `${field} ${op} “${text}”`;
        }
        return `${field} ${op} ${String(c.value)}`;
      })
      .join(rule.match === 'any' ? ' or ' : ' and ');
  return { short: describe(6), full: describe(Number.MAX_SAFE_INTEGER) };
}
