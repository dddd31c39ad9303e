/**
 * Submit guard of the ACE page: when the user saves the bank form while a field is invalid or
 * differs from the profile, the save waits for a confirmation that names the problems. A
 * confirmed save is replayed once on the same button (or form); nothing else is touched.
 */
import { isSaveActionLabel } from '@/utils/detection/save-button-words';
import { FIELD_ATTRIBUTE } from '../field-marks';

export interface SubmitGuardOptions {
  doc: Document;
  /** All listeners are removed on abort. */
  signal: AbortSignal;
  /** The user's setting, read at click time. */
  isEnabled(): boolean;
  /** Plain-English problems of the form now; [] = nothing to ask. */
  problems(): string[];
  /** Shows the question; true = save anyway. */
  confirm(problems: string[]): Promise<boolean>;
  /** The user's own save went through (a trusted click or submit, or "save anyway"): the page saves now. */
  onSaved?(): void;
}

const ELEMENT_NODE = 1;
// Salesforce's base button: its real <button> sits in the host's shadow root (closed ones hide
// it, so the host is then the innermost element an extension sees) and the host's `label`
// attribute is the button's text.
const LIGHTNING_BUTTON = 'lightning-button';

function isButtonLike(element: Element): boolean {
  const name = element.localName;
  if (name === 'button' || name === LIGHTNING_BUTTON) return true;
  if (name === 'input') {
    const type = (element as HTMLInputElement).type;
    return type === 'submit' || type === 'button';
  }
  return element.getAttribute('role') === 'button';
}

function labelOf(element: Element): string {
  const aria = element.getAttribute('aria-label')?.trim();
  if (aria) return aria;
  if (element.localName === LIGHTNING_BUTTON) return element.getAttribute('label') ?? '';
  const text = element.textContent?.trim();
  if (text) return text;
  if (element.localName === 'input') {
    const input = element as HTMLInputElement;
    // An <input type=submit> without a value shows the browser's own "Submit".
    return input.value.trim() || (input.type === 'submit' ? 'Submit' : '');
  }
  return element.getAttribute('title') ?? '';
}

function hostLabel(element: Element): string {
  const root = element.getRootNode() as Partial<ShadowRoot>;
  const host = root.host;
  return host?.localName === LIGHTNING_BUTTON ? (host.getAttribute('label') ?? '') : '';
}

function saysSave(button: Element): boolean {
  return isSaveActionLabel(labelOf(button)) || isSaveActionLabel(hostLabel(button));
}

/** The innermost button-like element of a click's path when it saves, else null. */
function saveButtonOf(event: Event): HTMLElement | null {
  // composedPath, not target: at the window the target is retargeted to the outermost shadow
  // host, while the path still holds the <button> inside open shadow roots.
  for (const node of event.composedPath()) {
    // nodeType, not instanceof: the page's frames each have their own Element.
    if ((node as Node).nodeType !== ELEMENT_NODE || !isButtonLike(node as Element)) continue;
    const button = node as HTMLElement;
    return saysSave(button) ? button : null;
  }
  return null;
}

/** A submission saves when its submitter says so; without one, when it sends the bank form. */
function savesForm(form: HTMLFormElement, submitter: HTMLElement | null): boolean {
  if (submitter) return saysSave(submitter);
  return form.querySelector(`[${FIELD_ATTRIBUTE}]`) !== null;
}

export function startSubmitGuard(options: SubmitGuardOptions): void {
  const { doc, signal } = options;
  const view = doc.defaultView;
  // While a confirmed action is replayed (synchronously, inside click() or requestSubmit()),
  // its events pass: the click, and the submit event its default action fires.
  let releasing = false;
  let pending = false;
  // The Save button whose trusted click was last reported: the submit of its form that the
  // click goes on to fire (trusted too) is the same save, not a second one.
  let reportedButton: Element | null = null;

  const block = (event: Event): void => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  /**
   * A save action: lets it through when the guard is off or the form has no problem; else
   * stops it before the page sees it, asks, and replays it once on "save anyway".
   */
  const guard = (event: Event, button: Element | null, replay: () => void): void => {
    // One question at a time; a second click while it is open is not a second answer.
    if (pending) return block(event);
    // Only the user's own action counts as a save of theirs: a page script's click() is not one.
    const saved = () => {
      if (!event.isTrusted) return;
      const followsClick = event.type === 'submit' && button !== null && button === reportedButton;
      reportedButton = event.type === 'click' ? button : null;
      if (!followsClick) options.onSaved?.();
    };
    // Read at each save: the setting and the form may have changed since the page loaded.
    if (!options.isEnabled()) return void saved();
    const problems = options.problems();
    if (problems.length === 0) return void saved();
    block(event);
    pending = true;
    let answer: Promise<boolean>;
    try {
      answer = options.confirm(problems);
    } catch {
      answer = Promise.resolve(false);
    }
    void answer
      .catch(() => false)
      .then((saveAnyway) => {
        pending = false;
        if (!saveAnyway || signal.aborted) return;
        releasing = true;
        try {
          replay();
        } finally {
          releasing = false;
        }
        options.onSaved?.();
      });
  };

  const onClick = (event: Event): void => {
    if (releasing) return;
    const button = saveButtonOf(event);
    if (!button) return;
    guard(event, button, () => {
      if (button.isConnected) button.click();
    });
  };

  const onSubmit = (event: Event): void => {
    if (releasing) return;
    const form = event.target as HTMLFormElement;
    if ((form as Node).nodeType !== ELEMENT_NODE || form.localName !== 'form') return;
    // No submitter is null in browsers; happy-dom (and maybe other DOMs) gives the form itself.
    const given = (event as SubmitEvent).submitter;
    const submitter = given && given !== form ? given : null;
    if (!savesForm(form, submitter)) return;
    guard(event, submitter, () => {
      if (!form.isConnected) return;
      // requestSubmit, not submit(): it fires the submit event the page's own handler listens to.
      // It throws for a submitter no longer in this form; the form alone is then sent.
      if (submitter && (submitter as HTMLButtonElement).form === form) form.requestSubmit(submitter);
      else form.requestSubmit();
    });
  };

  // Capture phase at the top of the path, so the guard runs before any page listener,
  // including one on the button itself. No keydown listener: in Chromium, Enter or Space on a
  // <button> (in a shadow root too) and Enter in a form's text field (implicit submission)
  // arrive as a click on that button; Enter in a form without one, as a submit with no
  // submitter. A <div role=button> gets no click from the browser: whatever its page key
  // handler does, commonly .click(), is what this listener sees.
  view?.addEventListener('click', onClick, { capture: true, signal });
  doc.addEventListener('submit', onSubmit, { capture: true, signal });
}
