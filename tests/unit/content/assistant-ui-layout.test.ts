// @vitest-environment happy-dom
/**
 * What the assistant's UI costs the page: nothing until there is something to show; then per
 * frame the fields' boxes are read before any write of ours (no forced layout after our own
 * writes), our elements' sizes come from a ResizeObserver (scripted here as the browser reports
 * after layout), and a render writes only what changed: the same views write nothing, one changed
 * report writes that field's chip and messages alone. Where the marks go is kept: chips clear of
 * fields and of each other, messages clear of fields, chips and the card, the Fill button in the
 * routing field, nothing for a field that is not shown.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAssistantUi, type AssistantUi, type CardView, type FieldView } from '@/utils/content/assistant/assistant-ui';
import type { FieldReport } from '@/utils/form-checks/field-reports';
import { UI_HOST_TAG } from '@/utils/content/ui-host';
import { captureUiRoot } from '../../support/ui-root';

interface Size {
  width: number;
  height: number;
}
interface Box extends Size {
  left: number;
  top: number;
}

/** Sizes as a browser would lay our elements out: by what they say. */
function laidOutSize(element: Element): Size {
  if (!element.isConnected || (element as HTMLElement).hidden) return { width: 0, height: 0 };
  if (element.classList.contains('chip')) return { width: 7 * (element.textContent ?? '').length + 16, height: 18 };
  if (element.classList.contains('messages')) return { width: parseInt((element as HTMLElement).style.width) || 240, height: 8 + 20 * element.querySelectorAll('li').length };
  if (element.classList.contains('card')) return { width: 300, height: 40 + 18 * element.children.length };
  return { width: 0, height: 0 };
}

/** A ResizeObserver the test runs "after layout": it reports the observed elements whose size changed. */
class ScriptedResizes {
  static last: ScriptedResizes | undefined;
  readonly observed = new Set<Element>();
  readonly reported = new Map<Element, string>();
  constructor(readonly callback: (entries: ResizeObserverEntry[]) => void) {
    ScriptedResizes.last = this;
  }
  observe(element: Element) {
    this.observed.add(element);
  }
  unobserve(element: Element) {
    this.observed.delete(element);
    this.reported.delete(element);
  }
  disconnect() {
    this.observed.clear();
  }
  afterLayout() {
    const entries = [];
    for (const target of this.observed) {
      const size = laidOutSize(target);
      const key = `${size.width}x${size.height}`;
      if (this.reported.get(target) === key) continue;
      this.reported.set(target, key);
      entries.push({ target, borderBoxSize: [{ inlineSize: size.width, blockSize: size.height }], contentRect: size } as unknown as ResizeObserverEntry);
    }
    if (entries.length > 0) this.callback(entries);
  }
}

let controller: AbortController;
let uiRoot: () => ShadowRoot | undefined;
const boxes = new Map<string, Box>();

beforeEach(() => {
  controller = new AbortController();
  ScriptedResizes.last = undefined;
  vi.stubGlobal('ResizeObserver', ScriptedResizes);
  uiRoot = captureUiRoot();
  boxes.clear();
});

afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
  document.documentElement.querySelector(UI_HOST_TAG)?.remove();
});

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** One frame as the browser runs it: animation frame callbacks, layout, then resize observations. */
async function frame() {
  await nextFrame();
  await new Promise((resolve) => setTimeout(resolve, 0));
  ScriptedResizes.last?.afterLayout();
  await Promise.resolve();
}

function field(id: string, box: Box): HTMLInputElement {
  const input = document.createElement('input');
  input.id = id;
  boxes.set(id, box);
  input.getBoundingClientRect = () => {
    const b = boxes.get(id)!;
    return { ...b, right: b.left + b.width, bottom: b.top + b.height, x: b.left, y: b.top, toJSON: () => ({}) } as DOMRect;
  };
  document.body.append(input);
  return input;
}

function ui(): AssistantUi {
  const handlers = { onChoose() {}, onChooseImporter() {}, onUnlock() {}, onFill() {} };
  return createAssistantUi(document, UI_HOST_TAG, controller.signal, handlers, (callback, ms) => setTimeout(callback, ms));
}

const OK_ROUTING: FieldReport = { state: 'ok', chip: 'JPMORGAN CHASE BANK, NA', messages: [] };
const SHORT_ACCOUNT: FieldReport = { state: 'invalid', chip: 'Too short', messages: [{ severity: 'error', text: 'The account number is too short.' }] };
const CARD: CardView = { title: 'ACE ACH Assist', lines: ['Comparing with "Acme main" (12-345678900)'] };

function form() {
  const routing = field('routing', { left: 100, top: 100, width: 220, height: 30 });
  const account = field('account', { left: 100, top: 200, width: 220, height: 30 });
  const confirm = field('confirm', { left: 100, top: 300, width: 220, height: 30 });
  /** Fresh objects each time, as the page assistant makes them on every render. */
  const views = (accountReport: FieldReport = SHORT_ACCOUNT): FieldView[] => [
    { element: routing, name: 'Routing number', report: { ...OK_ROUTING }, fillButton: true },
    { element: account, name: 'Account number', report: structuredClone(accountReport) },
    { element: confirm, name: 'Confirm account number' },
  ];
  return { routing, account, confirm, views };
}

/** Every change to the closed root from now on, read (and cleared) by each call. */
function mutations(): () => MutationRecord[] {
  let records: MutationRecord[] = [];
  const observer = new MutationObserver((delivered) => records.push(...delivered));
  observer.observe(uiRoot()!, { subtree: true, childList: true, attributes: true, characterData: true });
  return () => {
    const all = [...records, ...observer.takeRecords()];
    records = [];
    return all;
  };
}

const chips = () => Array.from(uiRoot()!.querySelectorAll<HTMLElement>('.chip'));
const chipSaying = (text: string) => chips().find((chip) => chip.textContent!.includes(text))!;
const messageBoxes = () => Array.from(uiRoot()!.querySelectorAll<HTMLElement>('.messages'));

function placed(element: HTMLElement): Box {
  return { left: parseInt(element.style.left), top: parseInt(element.style.top), ...laidOutSize(element) };
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

describe('before there is anything to show', () => {
  it('touches nothing of the page: no element, no observer, no listener', async () => {
    const listen = vi.spyOn(window, 'addEventListener');
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const assistant = ui();
    assistant.render([], null);
    assistant.reposition();
    await frame();
    expect(document.querySelector(UI_HOST_TAG)).toBeNull();
    expect(listen).not.toHaveBeenCalled();
    expect(ScriptedResizes.last).toBeUndefined();
    // Only our own detached overlay is watched (a dialog put there shows the host).
    expect(observe.mock.calls.filter(([target]) => target.isConnected)).toEqual([]);

    const { views } = form();
    assistant.render(views(), CARD);
    await frame();
    expect(document.documentElement.querySelector(UI_HOST_TAG)).not.toBeNull();
    expect(listen).toHaveBeenCalledWith('scroll', expect.any(Function), expect.objectContaining({ capture: true }));
    expect(ScriptedResizes.last).toBeDefined();
    expect(chips()).toHaveLength(3);
  });
});

describe('what a render writes', () => {
  it('the same views again write nothing, nor does a scroll that moved nothing', async () => {
    const { views } = form();
    const assistant = ui();
    assistant.render(views(), CARD);
    await frame();
    expect(chips()).toHaveLength(3);
    expect(messageBoxes()).toHaveLength(1);
    const writes = mutations();
    assistant.render(views(), { ...CARD, lines: [...CARD.lines] });
    await frame();
    assistant.render(views(), { ...CARD, lines: [...CARD.lines] });
    window.dispatchEvent(new Event('scroll'));
    await frame();
    assistant.reposition();
    await frame();
    expect(writes()).toEqual([]);
  });

  it('one changed report writes that field’s chip and messages, nothing else', async () => {
    const { views } = form();
    const assistant = ui();
    assistant.render(views(), CARD);
    await frame();
    const chip = chipSaying('Too short');
    const messages = messageBoxes()[0]!;
    const writes = mutations();
    assistant.render(views({ state: 'invalid', chip: 'Too long for this bank', messages: [{ severity: 'error', text: 'The account number is too long.' }] }), CARD);
    await frame();
    const targets = writes().map((record) => record.target);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((target) => !chip.contains(target) && !messages.contains(target))).toEqual([]);
    // The same elements, saying the new words (and the chip, now wider, placed again).
    expect(chip.textContent).toBe('✗ Too long for this bank');
    expect(messages.textContent).toBe('The account number is too long.');
    expect(targets).toContain(chip);
  });

  it('a digit that changes no report writes nothing', async () => {
    const { views } = form();
    const assistant = ui();
    assistant.render(views(), CARD);
    await frame();
    const writes = mutations();
    for (let digit = 0; digit < 3; digit++) {
      assistant.render(views(), CARD);
      await frame();
    }
    expect(writes()).toEqual([]);
  });
});

describe('layout reads', () => {
  it('never come after a write of ours: boxes are read first in the frame, sizes come from the ResizeObserver', async () => {
    const { views, account } = form();
    const assistant = ui();
    let reads = 0;
    let readsAfterWrites = 0;
    let pending: MutationObserver | undefined;
    const read = () => {
      reads++;
      if (pending && pending.takeRecords().length > 0) readsAfterWrites++;
    };
    const spyRead = <T extends object>(target: T, property: string) => {
      const descriptor = Object.getOwnPropertyDescriptor(target, property);
      if (!descriptor?.get) return () => {};
      Object.defineProperty(target, property, {
        configurable: true,
        get() {
          read();
          return descriptor.get!.call(this);
        },
      });
      return () => Object.defineProperty(target, property, descriptor);
    };
    const undo = [
      ...['offsetWidth', 'offsetHeight', 'offsetLeft', 'offsetTop'].map((name) => spyRead(HTMLElement.prototype, name)),
      ...['clientWidth', 'clientHeight', 'scrollWidth', 'scrollHeight'].map((name) => spyRead(HTMLElement.prototype, name)),
      ...['clientWidth', 'clientHeight', 'scrollWidth', 'scrollHeight'].map((name) => spyRead(Element.prototype, name)),
      spyRead(window, 'innerWidth'),
      spyRead(window, 'innerHeight'),
    ];
    const bounding = Element.prototype.getBoundingClientRect;
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      read();
      return bounding.call(this);
    });
    for (const input of document.querySelectorAll('input')) {
      const own = input.getBoundingClientRect;
      input.getBoundingClientRect = () => (read(), own());
    }
    try {
      assistant.render(views(), CARD);
      // Writes of ours are pending (not yet delivered) only within the task that made them.
      pending = new MutationObserver(() => {});
      pending.observe(uiRoot()!, { subtree: true, childList: true, attributes: true, characterData: true });
      await frame();
      assistant.render(views({ state: 'ok', chip: 'Looks right', messages: [{ severity: 'info', text: 'Ends 6789.' }] }), null);
      await frame();
      boxes.set('account', { left: 100, top: 240, width: 220, height: 30 });
      window.dispatchEvent(new Event('scroll'));
      await frame();
      assistant.flash([account]);
      await frame();
    } finally {
      undo.forEach((restore) => restore());
    }
    expect(reads).toBeGreaterThan(0);
    expect(readsAfterWrites).toBe(0);
  });
});

describe('where the marks go', () => {
  it('chips clear of the fields and of each other', async () => {
    // The second chip cannot go above its field (the first field is there) and goes right of it,
    // where the third field's chip would have gone above its own.
    const first = field('first', { left: 100, top: 200, width: 200, height: 22 });
    const second = field('second', { left: 100, top: 224, width: 200, height: 22 });
    const third = field('third', { left: 380, top: 250, width: 120, height: 22 });
    const assistant = ui();
    assistant.render(
      [
        { element: first, name: 'Routing number' },
        { element: second, name: 'Confirm bank account number' },
        { element: third, name: 'Bank name' },
      ],
      null,
    );
    await frame();
    const fieldBoxes = ['first', 'second', 'third'].map((id) => boxes.get(id)!);
    const chipBoxes = chips().map(placed);
    expect(chipBoxes).toHaveLength(3);
    chipBoxes.forEach((chip, i) => {
      expect(fieldBoxes.filter((box) => overlaps(chip, box))).toEqual([]);
      expect(chipBoxes.filter((other, j) => j !== i && overlaps(chip, other))).toEqual([]);
    });
  });

  it('message boxes clear of the fields, the chips and the corner card', async () => {
    // Right of the first field is the second field's chip; right of the third is the card.
    const bad: FieldReport = { state: 'invalid', chip: 'Check digit', messages: [{ severity: 'error', text: 'The check digit does not match.' }] };
    const first = field('first', { left: 420, top: 640, width: 260, height: 22 });
    const second = field('second', { left: 420, top: 664, width: 260, height: 22 });
    const third = field('third', { left: 420, top: 720, width: 260, height: 22 });
    const assistant = ui();
    assistant.render(
      [
        { element: first, name: 'Routing number', report: structuredClone(bad) },
        { element: second, name: 'Account' },
        { element: third, name: 'Confirm', report: structuredClone(bad) },
      ],
      CARD,
    );
    await frame();
    const fieldBoxes = ['first', 'second', 'third'].map((id) => boxes.get(id)!);
    const chipBoxes = chips().map(placed);
    const card = laidOutSize(uiRoot()!.querySelector('.card')!);
    const cardBox = { left: window.innerWidth - 16 - card.width, top: window.innerHeight - 16 - card.height, ...card };
    const placedMessages = messageBoxes().map(placed);
    expect(placedMessages).toHaveLength(2);
    for (const box of placedMessages) {
      expect([...fieldBoxes, ...chipBoxes, cardBox].filter((other) => overlaps(box, other))).toEqual([]);
    }
  });

  it('a field not shown has no chip, no messages and no Fill button; shown again, the same Fill button is back', async () => {
    const { views } = form();
    const assistant = ui();
    assistant.render(views(), CARD);
    await frame();
    const button = uiRoot()!.querySelector<HTMLElement>('.fill-button')!;
    expect(button.style.left).toBe(`${100 + 220 - 4}px`);
    boxes.set('routing', { left: 0, top: 0, width: 0, height: 0 });
    boxes.set('account', { left: 0, top: 0, width: 0, height: 0 });
    assistant.reposition();
    await frame();
    expect(chips().map((chip) => chip.textContent)).toEqual(['Confirm account number']);
    expect(messageBoxes()).toEqual([]);
    expect(uiRoot()!.querySelector('.fill-button')).toBeNull();

    boxes.set('routing', { left: 100, top: 150, width: 220, height: 30 });
    assistant.reposition();
    await frame();
    expect(uiRoot()!.querySelector('.fill-button')).toBe(button);
    expect(parseInt(button.style.top)).toBeGreaterThanOrEqual(150);
    expect(chips()).toHaveLength(2);
  });

  it('a field gone from the views takes its marks along', async () => {
    const { views } = form();
    const assistant = ui();
    assistant.render(views(), CARD);
    await frame();
    assistant.render(views().slice(1), CARD);
    await frame();
    expect(chips()).toHaveLength(2);
    expect(uiRoot()!.querySelector('.fill-button')).toBeNull();
    assistant.render([], null);
    await frame();
    expect(chips()).toEqual([]);
    expect(uiRoot()!.querySelector<HTMLElement>('.card')!.hidden).toBe(true);
  });

  it('the card takes a free corner; where none is, it folds into its tab, which opens it', async () => {
    const assistant = ui();
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    const card = () => uiRoot()!.querySelector<HTMLElement>('.card')!;
    const tab = () => uiRoot()!.querySelector<HTMLButtonElement>('.card-tab')!;
    // A field in the bottom right corner: the card goes bottom left.
    const corner = field('corner', { left: viewport.width - 260, top: viewport.height - 60, width: 240, height: 30 });
    assistant.render([{ element: corner, name: 'Routing number' }], CARD);
    await frame();
    const size = laidOutSize(card());
    expect(placed(card())).toEqual({ left: 16, top: viewport.height - 16 - size.height, ...size });
    expect(tab().hidden).toBe(true);

    // A form across the whole width, reaching the card's height from the top and the bottom: folded.
    const top = field('top', { left: 10, top: 40, width: viewport.width - 20, height: 30 });
    const bottom = field('bottom', { left: 10, top: viewport.height - 110, width: viewport.width - 20, height: 30 });
    assistant.render([{ element: top, name: 'Routing number' }, { element: bottom, name: 'Account number' }], CARD);
    await frame();
    expect(tab().hidden).toBe(false);
    expect(card().classList.contains('folded')).toBe(true);
    expect(tab().getAttribute('aria-expanded')).toBe('false');
    expect({ left: parseInt(tab().style.left), top: parseInt(tab().style.top) }).toEqual({ left: viewport.width - 16 - 124, top: viewport.height - 16 - 28 });

    tab().click();
    await frame();
    expect(tab().getAttribute('aria-expanded')).toBe('true');
    expect(card().classList.contains('folded')).toBe(false);
    // Opened, the card stands above its tab.
    expect(parseInt(card().style.top) + size.height).toBeLessThanOrEqual(parseInt(tab().style.top));
    tab().click();
    await frame();
    expect(card().classList.contains('folded')).toBe(true);
  });
});
