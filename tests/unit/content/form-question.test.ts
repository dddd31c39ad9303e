// @vitest-environment happy-dom
/**
 * Several bank forms and nothing tells them apart: the card offers one button per form, and a
 * fill asked for from the popup or the shortcut first asks which form, Cancel in focus.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssistantUi } from '@/utils/content/assistant/assistant-ui';
import { createFillFlow } from '@/utils/content/assistant/fill-flow';
import { candidateLabel, FORM_QUESTION, formQuestionCard } from '@/utils/content/assistant/form-question';
import type { DetectedField, DetectedForm, FormCandidate } from '@/utils/content/detected-form';

let controller: AbortController;
let overlay: HTMLElement;
let requests: string[];

function fieldOf(kind: DetectedField['kind'], element: HTMLElement): DetectedField {
  return { kind, control: 'input', element, classification: { kind, confidence: 1, evidence: [], notes: [] } };
}

function candidate(title: string): FormCandidate {
  const routing = document.createElement('input');
  const account = document.createElement('input');
  document.body.append(routing, account);
  return { title, fields: [fieldOf('routing', routing), fieldOf('account', account)] };
}

const gate = { tracked: false, watch() {}, unwatch() {}, check: async () => true };
const ui = (): AssistantUi => ({ render() {}, announce() {}, flash() {}, reposition() {}, overlay, gate });

/** A fill flow over a page whose form is `form()`; chooseForm turns the question into the chosen form. */
function flow(initial: DetectedForm, chosen: number[]) {
  let form: DetectedForm = initial;
  return createFillFlow({
    doc: document,
    signal: controller.signal,
    transport: async (message) => {
      const type = (message as { type: string }).type;
      requests.push(type);
      return { ok: false, error: { code: 'not-found', message: 'No picker in this test.' } };
    },
    ui: ui(),
    form: () => form,
    extensionUrl: (path) => path,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    afterFill() {},
    chooseForm(index) {
      chosen.push(index);
      form = { fields: initial.candidates![index]!.fields, onFile: [] };
    },
  });
}

const dialog = () => overlay.querySelector<HTMLElement>('[role="alertdialog"]');
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  controller = new AbortController();
  overlay = document.createElement('div');
  document.body.append(overlay);
  requests = [];
});
afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
});

describe('the question which form is the refund form', () => {
  it('names each form by its place and title on the card', () => {
    const card = formQuestionCard([candidate('Bank Information'), candidate('Form 2')]);
    expect(card.lines).toEqual([FORM_QUESTION]);
    expect(card.formChoices).toEqual(['The first form on the page: “Bank Information”', 'The second form on the page']);
  });

  it('asks before opening the picker, and goes on with the chosen form', async () => {
    const candidates = [candidate('Bank Information'), candidate('Bank Details')];
    const chosen: number[] = [];
    const opened = flow({ fields: [], onFile: [], candidates }, chosen).openPicker();
    await tick();
    const buttons = Array.from(dialog()!.querySelectorAll('button'), (button) => button.textContent);
    expect(buttons).toEqual(['Cancel', candidateLabel(candidates[0]!, 0), candidateLabel(candidates[1]!, 1)]);
    expect(requests).toEqual([]);
    dialog()!.querySelectorAll('button')[2]!.click();
    await tick();
    expect(chosen).toEqual([1]);
    expect(requests).toEqual(['page/picker-open']);
    // This test's background opens no picker: the flow says so, and ends on OK.
    expect(dialog()?.textContent).toContain('No picker in this test.');
    dialog()!.querySelector('button')!.click();
    await opened;
  });

  it('opens nothing and chooses nothing when the answer is Cancel', async () => {
    const chosen: number[] = [];
    const opened = flow({ fields: [], onFile: [], candidates: [candidate('A'), candidate('B')] }, chosen).openPicker();
    await tick();
    dialog()!.querySelector('button')!.click();
    await opened;
    expect(chosen).toEqual([]);
    expect(requests).toEqual([]);
  });
});
