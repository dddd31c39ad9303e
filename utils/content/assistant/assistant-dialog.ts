/**
 * A question the assistant asks on the ACE page before it acts: replace values the form already
 * holds, or save a form with problems. Drawn in the assistant's closed shadow root as an
 * alertdialog: focus moves to its first choice, Tab stays inside, Escape answers with the choice
 * that changes nothing, and focus returns where it was. With a visibility gate, a click on a
 * choice the user could not see (the page hid or covered the question) answers with the choice
 * that changes nothing, and says so.
 */
import { HIDDEN_CLICK_MESSAGE, type VisibilityGate } from '../visibility-gate';

export interface DialogChoice<T extends string> {
  readonly value: T;
  readonly label: string;
}

export interface DialogView<T extends string> {
  readonly title: string;
  readonly lines: readonly string[];
  /** Listed as items under the lines (problems, fields). */
  readonly items?: readonly string[];
  /** The first is the default button. */
  readonly choices: readonly [DialogChoice<T>, ...DialogChoice<T>[]];
  /** What Escape (or the page going away) answers: the choice that changes nothing. */
  readonly dismiss: T;
}

/** The element focused in `doc`, followed into open shadow roots. */
export function deepActiveElement(doc: Document): HTMLElement | null {
  let active = doc.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}

/**
 * The element focused inside the shadow root that holds `node` (our closed root): the page's
 * `activeElement` only shows its host, so focus there is given back by us or lost.
 */
export function focusedInRoot(node: Node): HTMLElement | null {
  const root = node.getRootNode() as Document | ShadowRoot;
  return root.nodeType === 11 ? (root.activeElement as HTMLElement | null) : null;
}

let dialogs = 0;

export function showDialog<T extends string>(
  doc: Document,
  container: HTMLElement,
  view: DialogView<T>,
  signal: AbortSignal,
  gate?: VisibilityGate,
): Promise<T> {
  const previous = focusedInRoot(container) ?? deepActiveElement(doc);
  const id = `ace-ach-dialog-${++dialogs}`;
  const box = doc.createElement('div');
  box.className = 'dialog';
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-modal', 'true');
  box.setAttribute('aria-labelledby', `${id}-title`);
  box.setAttribute('aria-describedby', `${id}-body`);
  const title = doc.createElement('h2');
  title.id = `${id}-title`;
  title.textContent = view.title;
  const body = doc.createElement('div');
  body.id = `${id}-body`;
  for (const line of view.lines) {
    const p = doc.createElement('p');
    p.textContent = line;
    body.append(p);
  }
  if (view.items?.length) {
    const list = doc.createElement('ul');
    for (const item of view.items) {
      const li = doc.createElement('li');
      li.textContent = item;
      list.append(li);
    }
    body.append(list);
  }
  const actions = doc.createElement('div');
  actions.className = 'dialog-actions';
  box.append(title, body, actions);

  return new Promise<T>((resolve) => {
    const buttons = view.choices.map((choice, i) => {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = i === 0 ? 'primary' : '';
      button.textContent = choice.label;
      button.addEventListener('click', () => {
        if (!gate) return finish(choice.value);
        void gate.check(button).then((seen) => {
          if (seen) return finish(choice.value);
          finish(safe);
          void showIgnoredClick(doc, container, signal);
        });
      });
      actions.append(button);
      gate?.watch(button);
      return button;
    });
    const safe = view.dismiss;
    let answered = false;
    function finish(value: T) {
      if (answered) return;
      answered = true;
      for (const button of buttons) gate?.unwatch(button);
      box.remove();
      signal.removeEventListener('abort', onAbort);
      if (previous?.isConnected) previous.focus({ preventScroll: true });
      resolve(value);
    }
    const onAbort = () => finish(safe);
    box.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Escape') {
        event.preventDefault();
        finish(safe);
      } else if (event.key === 'Tab') {
        // Focus stays in the question until it is answered.
        const at = buttons.indexOf(event.composedPath()[0] as HTMLButtonElement);
        const next = (at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length;
        event.preventDefault();
        buttons[next]!.focus();
      }
    });
    signal.addEventListener('abort', onAbort, { once: true });
    container.append(box);
    buttons[0]!.focus();
  });
}

/** Said where the user may see it: a click on a control of ours that the page hid or covered did nothing. */
export function showIgnoredClick(doc: Document, container: HTMLElement, signal: AbortSignal): Promise<'ok'> {
  const view = { title: 'ACE ACH Assist ignored a click', lines: [HIDDEN_CLICK_MESSAGE], choices: [{ value: 'ok', label: 'OK' }], dismiss: 'ok' } as const;
  return showDialog(doc, container, view, signal);
}
