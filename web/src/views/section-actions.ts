import { h, notice, replaceChildren } from '../dom.ts';
import { announce } from './announce.ts';

// How the sharing, notes and cohort sections talk to the server: a list, a form, a button that ends something.

/** A section listing things from the server: `render` fills `list`, or the failure's message stands there. */
export async function loadList<T>(list: HTMLElement, fetch: () => Promise<T>, render: (items: T) => void): Promise<void> {
  try {
    render(await fetch());
  } catch (failure) {
    replaceChildren(list, notice('error', (failure as Error).message));
  }
}

/**
 * A button that ends something in a list (a note, a coach's access): it asks first, stays
 * disabled while the request runs, then says what happened and reloads the list. A failure
 * re-enables it and says why.
 */
export function onConfirmedClick(button: HTMLButtonElement, action: { question: string; run: () => Promise<unknown>; done: string; reload: () => Promise<void> }): void {
  button.addEventListener('click', () => {
    if (!window.confirm(action.question)) return;
    button.disabled = true;
    void action
      .run()
      .then(() => {
        announce(action.done);
        return action.reload();
      })
      .catch((failure: Error) => {
        button.disabled = false;
        announce(failure.message, true);
      });
  });
}

/**
 * A form that sends one request: the fields, an error line and the submit button, wired by
 * `onSubmitRequest`.
 */
export function requestForm(
  attributes: Parameters<typeof h>[1],
  action: { submitId: string; submitLabel: string; run: () => Promise<void> },
  ...fields: Array<HTMLElement | null>
): HTMLFormElement {
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', id: action.submitId }, action.submitLabel);
  const form = h('form', attributes, ...fields, error, h('div', { class: 'actions' }, submit));
  onSubmitRequest(form, { submit, error, run: action.run });
  return form;
}

/**
 * Sends a form's one request on submit: the button is disabled while `run` goes on; a failure's
 * message stands in the error line until the next try.
 */
export function onSubmitRequest(form: HTMLFormElement, parts: { submit: HTMLButtonElement; error: HTMLElement; run: () => Promise<void> }): void {
  const { submit, error } = parts;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.hidden = true;
    submit.disabled = true;
    void parts
      .run()
      .catch((failure: Error) => {
        error.textContent = failure.message;
        error.hidden = false;
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
}
