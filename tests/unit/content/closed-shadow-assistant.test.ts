// @vitest-environment happy-dom
/**
 * The page assistant on a form inside a closed shadow root (reached, as the extension API would,
 * through the injected shadowRootOf): typing, pasting, changing and leaving a field there are
 * checked although the events reach the document retargeted to the host, and the Fill button
 * sits by the inner input's box, also after a scroll inside the root.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPageAssistant } from '@/utils/content/assistant/page-assistant';
import { UI_HOST_TAG } from '@/utils/content/ui-host';
import { captureUiRoot } from '../../support/ui-root';

const FORM = `
  <div class="scroller">
    <label for="r">Bank Routing Number</label><input id="r" maxlength="9">
    <label for="a">Bank Account Number</label><input id="a" maxlength="17">
  </div>`;

const REPLIES: Record<string, unknown> = {
  'page/settings': { submitGuard: true },
  'page/compare': { vault: 'new', importerNumbers: [], match: 'unknown-importer', choices: [], verdicts: [] },
  'directory/lookup': { imported: false, found: false, suggestions: [] },
  'page/form': { done: true },
  'page/importer': { done: true },
};

let controller: AbortController;
let uiRoot: () => ShadowRoot | undefined;
let sent: string[];
let requests: { type: string; payload: Record<string, unknown> }[];
let replies: Record<string, unknown>;

function rect(left: number, top: number, width: number, height: number): DOMRect {
  return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) } as DOMRect;
}

/** Lets the detector's 0 ms batches, the check timers and animation frames run. */
async function settle() {
  for (let i = 0; i < 4; i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** After start: also the first comparison (120 ms), which draws everything again, is over. */
async function started() {
  await new Promise((resolve) => setTimeout(resolve, 250));
  await settle();
}

function closedForm(): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('c-ach-closed');
  const root = host.attachShadow({ mode: 'closed' });
  root.innerHTML = FORM;
  document.body.append(host);
  return { host, root };
}

function start(host: HTMLElement, root: ShadowRoot) {
  startPageAssistant({
    doc: document,
    signal: controller.signal,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    transport: async (message) => {
      const request = message as { type: string; payload: Record<string, unknown> };
      sent.push(request.type);
      requests.push(request);
      return { ok: true, data: replies[request.type] };
    },
    isTopFrame: false,
    extensionUrl: (path) => `chrome-extension://test${path}`,
    onCommand: () => {},
    detection: {
      shadowRootOf: (element) => (element === host ? root : element.shadowRoot),
      isVisible: () => true,
      afterLayout: (callback) => callback(),
      batchDelayMs: 0,
    },
  });
}

function type(input: HTMLInputElement, value: string, event = 'input') {
  input.value = value;
  input.dispatchEvent(new Event(event, { bubbles: true, composed: event !== 'change' }));
}

function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && 'host' in node;
}

/** Whether `current` (a listener's target) is inside `root`, across shadow boundaries. */
function within(root: ShadowRoot, current: Node): boolean {
  for (let at = current.getRootNode(); isShadowRoot(at); at = at.host.getRootNode()) if (at === root) return true;
  return false;
}

/**
 * happy-dom shows a closed root's insides to every listener; a browser hides them from
 * listeners outside that root (the path then starts at the host). Done here as browsers do.
 */
function hideClosedRoots() {
  const composedPath = Event.prototype.composedPath;
  vi.spyOn(Event.prototype, 'composedPath').mockImplementation(function (this: Event) {
    const path = composedPath.call(this);
    // Outside a listener (happy-dom computes the propagation path this way) nothing is hidden.
    const current = this.currentTarget instanceof Window ? document : this.currentTarget;
    if (!(current instanceof Node)) return path;
    return path.filter((target) => {
      if (!(target instanceof Node)) return true;
      for (let root = target.getRootNode(); isShadowRoot(root); root = root.host.getRootNode()) {
        if (root.mode === 'closed' && !within(root, current)) return false;
      }
      return true;
    });
  });
}

beforeEach(() => {
  controller = new AbortController();
  sent = [];
  requests = [];
  replies = { ...REPLIES };
  hideClosedRoots();
  // Our UI's root is closed too: keep a handle on it to read where the Fill button went.
  uiRoot = captureUiRoot();
});
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
  document.body.replaceChildren();
  document.documentElement.querySelector(UI_HOST_TAG)?.remove();
});

describe('a bank form in a closed shadow root', () => {
  it('checks typing, pasting, changing and leaving a field inside it', async () => {
    const { host, root } = closedForm();
    start(host, root);
    await started();
    const routing = root.getElementById('r') as HTMLInputElement;
    const account = root.getElementById('a') as HTMLInputElement;
    expect(routing.getAttribute('data-ace-ach-field')).toBe('routing');
    expect(routing.hasAttribute('data-ace-ach-state')).toBe(false);

    // Seen from the document, the event comes from the host.
    const seen: EventTarget[] = [];
    document.addEventListener('input', (event) => seen.push(event.composedPath()[0]!), { signal: controller.signal });
    type(routing, '021000022');
    await settle();
    expect(seen).toEqual([host]);
    expect(routing.getAttribute('data-ace-ach-state')).toBe('invalid');

    type(routing, '021000021', 'paste');
    await settle();
    expect(routing.getAttribute('data-ace-ach-state')).toBe('ok');

    // `change` does not leave a shadow root even when it is open.
    type(account, '12', 'change');
    await settle();
    expect(account.getAttribute('data-ace-ach-state')).toBe('invalid');

    account.value = '000123456789';
    account.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    await settle();
    expect(account.getAttribute('data-ace-ach-state')).toBe('ok');
    expect(sent).toContain('directory/lookup');
  });

  it('handles each event once when the root is open (the document sees it too)', async () => {
    const host = document.createElement('c-ach-open');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = FORM;
    document.body.append(host);
    start(host, root);
    await started();
    sent = [];
    type(root.getElementById('r') as HTMLInputElement, '021000021');
    await settle();
    expect(sent.filter((request) => request === 'directory/lookup')).toHaveLength(1);
    expect(root.getElementById('r')!.getAttribute('data-ace-ach-state')).toBe('ok');
  });

  it("draws the Fill button by the inner input's box, and follows a scroll inside the root", async () => {
    const { host, root } = closedForm();
    const routing = root.getElementById('r') as HTMLInputElement;
    let box = rect(300, 200, 160, 30);
    routing.getBoundingClientRect = () => box;
    host.getBoundingClientRect = () => rect(0, 0, 1000, 600);
    start(host, root);
    await started();
    const button = uiRoot()!.querySelector<HTMLElement>('.fill-button')!;
    expect(button).not.toBeNull();
    expect(parseInt(button.style.left)).toBe(box.right - 4);
    expect(parseInt(button.style.top)).toBeGreaterThanOrEqual(box.top);
    expect(parseInt(button.style.top)).toBeLessThan(box.bottom);

    // The form scrolls inside the root: its scroll event never reaches the document.
    box = rect(300, 80, 160, 30);
    root.querySelector('.scroller')!.dispatchEvent(new Event('scroll'));
    await settle();
    expect(parseInt(button.style.top)).toBeGreaterThanOrEqual(80);
    expect(parseInt(button.style.top)).toBeLessThan(110);
  });

  it('stops listening in the root when the content script goes away', async () => {
    const { host, root } = closedForm();
    start(host, root);
    await started();
    controller.abort();
    const routing = root.getElementById('r') as HTMLInputElement;
    type(routing, '021000022');
    await settle();
    expect(routing.hasAttribute('data-ace-ach-state')).toBe(false);
  });
});

describe("CBP's file alone (view mode of an inline-edit record)", () => {
  const item = (label: string, value: string) => `
    <div class="slds-form-element slds-form-element_readonly"><span class="slds-form-element__label">${label}</span>
      <div class="slds-form-element__control"><lightning-formatted-text>${value}</lightning-formatted-text>
        <button class="slds-button slds-button_icon" title="Edit ${label}"><span class="slds-assistive-text">Edit ${label}</span></button></div></div>`;

  it('compares the values on file and shows the verdict on the card, with nothing to fill', async () => {
    const profile = { id: 'p1', label: 'Acme main', importerNumber: '12-345678900', baseOnly: false };
    replies['page/compare'] = {
      vault: 'unlocked',
      importerNumbers: ['12-345678900'],
      match: 'one',
      choices: [profile],
      profile,
      verdicts: [
        { kind: 'routing', source: 'on-file', result: 'match' },
        { kind: 'account', source: 'on-file', result: 'match' },
        { kind: 'account-type', source: 'on-file', result: 'match' },
      ],
      verification: 'match',
    };
    const host = document.createElement('c-record-view');
    const root = host.attachShadow({ mode: 'closed' });
    root.innerHTML = item('Bank Routing Number', '021000021') + item('Bank Account Number', 'XXXX6789') + item('Bank Control Key', '01 - Checking');
    document.body.append(host);
    start(host, root);
    await started();
    const compare = requests.find((request) => request.type === 'page/compare');
    expect(compare?.payload.onFile).toEqual({ routing: '021000021', account: 'XXXX6789', accountType: '01 - Checking' });
    expect(uiRoot()!.querySelector('.card')!.textContent).toContain(`CBP's bank details on file match "Acme main"`);
    // Nothing to fill: the popup and the shortcut are not sent here, and no Fill button is drawn.
    expect(requests.filter((request) => request.type === 'page/form')).toEqual([]);
    expect(uiRoot()!.querySelector('.fill-button')).toBeNull();
    expect(Array.from(root.querySelectorAll('lightning-formatted-text'), (value) => value.getAttribute('data-ace-ach-state'))).toEqual(['ok', 'ok', 'ok']);
  });
});
