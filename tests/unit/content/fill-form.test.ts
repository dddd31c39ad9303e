// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillForm, fillInputsOf, type FillOutcome } from '@/utils/content/fill/fill-form';
import { startFieldDetection, type DetectedForm } from '@/utils/content/field-detection';
import type { FieldKind } from '@/utils/detection/field-kinds';
import { planFill, type FillValues } from '@/utils/form-checks/plan-fill';

// happy-dom has no layout: a field is "visible" unless it or an ancestor (across shadow
// boundaries) carries data-test-hidden.
function isVisible(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null) {
    if (node.hasAttribute('data-test-hidden')) return false;
  }
  return true;
}

const PROFILE: FillValues = { routing: '021000021', account: '123456789', accountType: 'savings' };

const ROUTING_ACCOUNT = `
  <label for="r">Bank Routing Number</label><input id="r" maxlength="9">
  <label for="a">Bank Account Number</label><input id="a" maxlength="17">`;
const CONTROL_KEY_SELECT = `
  <label for="k">Bank Control Key</label><select id="k"><option value="">--None--</option><option value="01">01 - Checking</option><option value="02">02 - Savings</option></select>`;

let controller: AbortController;

function detect(): DetectedForm {
  const detection = startFieldDetection({
    root: document,
    signal: controller.signal,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    isVisible,
    afterLayout: (callback) => callback(),
    batchDelayMs: 0,
  });
  if (!detection.form) throw new Error('no bank form detected');
  return detection.form;
}

function fill(form: DetectedForm, replaceConflicts = false, values: FillValues = PROFILE): FillOutcome {
  return fillForm(form, planFill(fillInputsOf(form), values), { replaceConflicts, isVisible });
}

function byId<T extends HTMLElement = HTMLInputElement>(id: string, root: ParentNode = document): T {
  return root.querySelector<T>(`#${id}`)!;
}

/** What listeners on the document see: event type, the (retargeted) target's id, its value then. */
function recordEvents(types: readonly string[]): string[] {
  const seen: string[] = [];
  for (const type of types) {
    document.addEventListener(
      type,
      (event) => {
        const target = event.target as HTMLInputElement;
        seen.push(`${type} ${target.id || target.localName} ${target.value ?? ''}`.trim());
      },
      { capture: type === 'focus' || type === 'blur', signal: controller.signal },
    );
  }
  return seen;
}

beforeEach(() => {
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
});

describe('fillForm', () => {
  it('types into inputs and chooses in a select the way a user does, events and all', () => {
    document.body.innerHTML = ROUTING_ACCOUNT + CONTROL_KEY_SELECT;
    const form = detect();
    const seen = recordEvents(['focus', 'focusin', 'input', 'change', 'blur', 'focusout']);
    const outcome = fill(form);
    expect(outcome.filled).toEqual<FieldKind[]>(['routing', 'account', 'account-type']);
    expect(outcome.skipped).toEqual([]);
    expect(outcome.elements).toEqual([byId('r'), byId('a'), byId('k')]);
    expect(byId('r').value).toBe('021000021');
    expect(byId('a').value).toBe('123456789');
    expect(byId<HTMLSelectElement>('k').value).toBe('02');
    expect(seen.slice(0, 6)).toEqual([
      'focus r',
      'focusin r',
      'input r 021000021',
      'change r 021000021',
      'blur r 021000021',
      'focusout r 021000021',
    ]);
    expect(seen.filter((entry) => entry.endsWith(' k 02'))).toEqual(['input k 02', 'change k 02', 'blur k 02', 'focusout k 02']);
  });

  it('sends an InputEvent naming the replacement, so frameworks treat it as typed text', () => {
    document.body.innerHTML = ROUTING_ACCOUNT;
    const form = detect();
    const events: InputEvent[] = [];
    byId('r').addEventListener('input', (event) => events.push(event as InputEvent));
    fill(form);
    expect(events).toHaveLength(1);
    expect(events[0]).toBeInstanceOf(InputEvent);
    expect(events[0]).toMatchObject({ inputType: 'insertReplacementText', data: '021000021', bubbles: true, composed: true });
  });

  it('fills an input inside an open shadow root; the page outside hears the composed events', () => {
    document.body.innerHTML = `<x-input id="host-r"></x-input><x-input id="host-a"></x-input>`;
    const pageModel: Record<string, string> = {};
    for (const [id, label] of [['host-r', 'Bank Routing Number'], ['host-a', 'Bank Account Number']] as const) {
      const host = byId(id);
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = `<label for="i">${label}</label><input id="i">`;
      // Like lightning.js: the component tells the page through an event from its host.
      root.querySelector('input')!.addEventListener('input', (event) => {
        host.dispatchEvent(new CustomEvent('change', { bubbles: true, composed: true, detail: { value: (event.target as HTMLInputElement).value } }));
      });
    }
    document.addEventListener('change', (event) => {
      const detail = (event as CustomEvent<{ value: string } | null>).detail;
      if (detail) pageModel[(event.target as HTMLElement).id] = detail.value;
    });
    const form = detect();
    // happy-dom does not retarget event.target to the host, so the path tells who saw it.
    const seen: string[] = [];
    document.addEventListener('input', (event) => {
      const host = event.composedPath().find((node) => node instanceof HTMLElement && node.localName === 'x-input');
      seen.push(`${(host as HTMLElement | undefined)?.id} ${event.composed}`);
    });
    expect(fill(form).filled).toEqual(['routing', 'account']);
    expect(seen).toEqual(['host-r true', 'host-a true']);
    expect(pageModel).toEqual({ 'host-r': '021000021', 'host-a': '123456789' });
  });

  it("makes a React-like controlled input's state take the value", () => {
    document.body.innerHTML = ROUTING_ACCOUNT;
    const state = controlled(document.body, ['r', 'a']);
    const form = detect();
    // What a naive filler does is undone by the page: the tracker already holds the new value.
    const routing = byId('r');
    routing.value = '999999999';
    routing.dispatchEvent(new Event('input', { bubbles: true }));
    expect(state).toEqual({ r: '', a: '' });
    expect(routing.value).toBe('');

    expect(fill(form).filled).toEqual(['routing', 'account']);
    expect(state).toEqual({ r: '021000021', a: '123456789' });
    expect(routing.value).toBe('021000021');
  });

  it('checks the right radio of a Checking / Savings group and the page hears the change', () => {
    document.body.innerHTML = `${ROUTING_ACCOUNT}
      <fieldset><legend>Bank Control Key</legend>
        <input type="radio" id="c" name="bck" value="01"><label for="c">Checking</label>
        <input type="radio" id="s" name="bck" value="02"><label for="s">Savings</label></fieldset>`;
    const form = detect();
    expect(form.fields.map((field) => field.control)).toContain('radio-group');
    const seen = recordEvents(['change']);
    expect(fill(form).filled).toEqual(['routing', 'account', 'account-type']);
    expect(byId('s').checked).toBe(true);
    expect(byId('c').checked).toBe(false);
    expect(seen).toContain('change s 02');
  });

  it('opens a Lightning-style combobox and clicks the option, so the button shows it', () => {
    document.body.innerHTML = `${ROUTING_ACCOUNT}<label for="cb">Bank Control Key</label><div id="cb-slot"></div>`;
    const selected: string[] = [];
    const combobox = buildCombobox(byId('cb-slot'), (value) => selected.push(value));
    const form = detect();
    expect(form.fields.find((field) => field.kind === 'account-type')?.control).toBe('combobox');
    const outcome = fill(form);
    expect(outcome.filled).toEqual(['routing', 'account', 'account-type']);
    expect(combobox.button.textContent).toBe('02 - Savings');
    expect(combobox.button.getAttribute('aria-expanded')).toBe('false');
    expect(selected).toEqual(['02']);
  });

  it('never writes a number into a field whose own label names a nickname, name, description or country, even when it was classified as one', () => {
    document.body.innerHTML = `${ROUTING_ACCOUNT}
      <label for="nick">Account Nickname</label><input id="nick" maxlength="17">
      <label for="country">Bank Country</label><input id="country">
      <table><tr><td>Account Description</td><td><input id="desc"></td></tr></table>`;
    const form = detect();
    const account = form.fields.find((f) => f.kind === 'account')!;
    const routing = form.fields.find((f) => f.kind === 'routing')!;
    // As if the classifier had gone wrong: the look-alikes named routing and account fields.
    const wrong: DetectedForm = {
      ...form,
      fields: [
        { ...routing, element: byId('country') },
        { ...account, element: byId('nick') },
        { ...account, kind: 'account-confirm', element: byId('desc') },
        routing,
        account,
      ],
    };
    const plan = planFill(fillInputsOf(wrong), PROFILE);
    expect(plan.unfillable.map((item) => item.kind)).toEqual(['routing', 'account', 'account-confirm']);
    const outcome = fillForm(wrong, plan, { replaceConflicts: false, isVisible });
    expect(outcome.filled).toEqual(['routing', 'account']);
    expect([byId('country').value, byId('nick').value, byId('desc').value]).toEqual(['', '', '']);
    expect([byId('r').value, byId('a').value]).toEqual(['021000021', '123456789']);
  });

  it('never fills a field hidden or removed since detection', () => {
    document.body.innerHTML = ROUTING_ACCOUNT + CONTROL_KEY_SELECT;
    const form = detect();
    byId('a').setAttribute('data-test-hidden', '');
    byId('k').remove();
    const outcome = fill(form);
    expect(outcome.filled).toEqual(['routing']);
    expect(outcome.skipped).toEqual([
      { kind: 'account', reason: 'hidden' },
      { kind: 'account-type', reason: 'hidden' },
    ]);
    expect(byId('a').value).toBe('');
  });

  it('skips fields holding other values unless told to replace them', () => {
    document.body.innerHTML = ROUTING_ACCOUNT + CONTROL_KEY_SELECT;
    byId('r').value = '011000015';
    byId<HTMLSelectElement>('k').value = '01';
    const form = detect();
    const kept = fill(form);
    expect(kept.filled).toEqual(['account']);
    expect(kept.skipped).toEqual([
      { kind: 'routing', reason: 'conflict' },
      { kind: 'account-type', reason: 'conflict' },
    ]);
    expect(byId('r').value).toBe('011000015');
    expect(byId<HTMLSelectElement>('k').value).toBe('01');

    const replaced = fill(form, true);
    expect(replaced.filled).toEqual(['routing', 'account-type']);
    expect(byId('r').value).toBe('021000021');
    expect(byId<HTMLSelectElement>('k').value).toBe('02');
  });

  it('hands the focus back to the element that had it', () => {
    document.body.innerHTML = `${ROUTING_ACCOUNT}<label for="notes">Notes</label><input id="notes">`;
    const form = detect();
    byId('notes').focus();
    expect(fill(form).filled).toEqual(['routing', 'account']);
    expect(document.activeElement).toBe(byId('notes'));
  });

  it('reports a field whose page refuses or breaks as failed, without throwing, and goes on', () => {
    document.body.innerHTML = ROUTING_ACCOUNT + CONTROL_KEY_SELECT;
    const form = detect();
    const plan = planFill(fillInputsOf(form), PROFILE);
    // The page clears what it does not like.
    byId('r').addEventListener('change', (event) => ((event.target as HTMLInputElement).value = ''));
    Object.defineProperty(byId('a'), 'value', {
      configurable: true,
      get() {
        throw new Error('page script broke');
      },
    });
    const outcome = fillForm(form, plan, { replaceConflicts: false, isVisible });
    expect(outcome.skipped).toEqual([
      { kind: 'routing', reason: 'failed' },
      { kind: 'account', reason: 'failed' },
    ]);
    expect(outcome.filled).toEqual(['account-type']);
    expect(document.activeElement).toBe(document.body);
  });
});

/** forms.js `controlledForm`: an instance `value` override feeding a tracker; state changes only when the DOM value differs from it. */
function controlled(container: HTMLElement, ids: readonly string[]): Record<string, string> {
  const state: Record<string, string> = Object.fromEntries(ids.map((id) => [id, '']));
  const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
  const trackers = new Map<Element, { value: string }>();
  for (const id of ids) {
    const element = byId(id);
    const tracker = { value: '' };
    trackers.set(element, tracker);
    Object.defineProperty(element, 'value', {
      configurable: true,
      get() { return native.get!.call(this); },
      set(value: string) { tracker.value = String(value); native.set!.call(this, value); },
    });
  }
  const render = () => {
    for (const id of ids) if (byId(id).value !== state[id]) byId(id).value = state[id]!;
  };
  for (const type of ['input', 'change']) {
    container.addEventListener(type, (event) => {
      const element = event.target as HTMLInputElement;
      const tracker = trackers.get(element);
      if (!tracker) return;
      if (element.value !== tracker.value) {
        tracker.value = element.value;
        state[element.id] = element.value;
      }
      render();
    });
  }
  return state;
}

/** combobox.js in brief: button[role=combobox] toggled by click, listbox options chosen by click, closed on blur. */
function buildCombobox(parent: HTMLElement, onSelect: (value: string) => void): { button: HTMLButtonElement } {
  parent.innerHTML = `<div class="slds-combobox">
      <button type="button" id="cb" role="combobox" aria-haspopup="listbox" aria-expanded="false" aria-controls="lb">Select an Option</button>
      <div id="lb" role="listbox"><div role="option" data-value="01">01 - Checking</div><div role="option" data-value="02">02 - Savings</div></div>
    </div>`;
  const button = parent.querySelector('button')!;
  const listbox = parent.querySelector<HTMLElement>('[role=listbox]')!;
  let value = '';
  const close = () => button.setAttribute('aria-expanded', 'false');
  button.addEventListener('click', () => button.setAttribute('aria-expanded', String(button.getAttribute('aria-expanded') !== 'true')));
  button.addEventListener('blur', close);
  listbox.addEventListener('click', (event) => {
    const option = (event.target as Element).closest<HTMLElement>('[role=option]');
    // Like the real one, a closed list ignores clicks.
    if (!option || button.getAttribute('aria-expanded') !== 'true') return;
    close();
    if (option.dataset.value === value) return;
    value = option.dataset.value!;
    button.textContent = option.textContent;
    onSelect(value);
  });
  return { button };
}
