/**
 * The visibility gate over a scripted IntersectionObserver v2: a control counts as seen only by
 * the latest answer about it (the first one awaited for a control watched a moment ago, none in
 * time counting as hidden); where the browser has no `isVisible`, every check passes unless the
 * host style guard saw tampering.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVisibilityGate, tracksVisibility, VISIBILITY_DELAY_MS, type VisibilityGateOptions } from '@/utils/content/visibility-gate';

type Callback = (entries: { target: Element; isVisible?: boolean }[]) => void;

/** One observer per gate: the test tells it what the browser would report. */
class ScriptedObserver {
  static last: ScriptedObserver | undefined;
  readonly observed = new Set<Element>();
  disconnected = false;
  constructor(
    readonly callback: Callback,
    readonly options: { trackVisibility: boolean; delay: number },
  ) {
    ScriptedObserver.last = this;
  }
  observe(element: Element) {
    this.observed.add(element);
  }
  unobserve(element: Element) {
    this.observed.delete(element);
  }
  disconnect() {
    this.disconnected = true;
  }
  report(target: Element, isVisible: boolean) {
    this.callback([{ target, isVisible }]);
  }
}

/** As in Chromium: `isVisible` is a getter on the prototype. */
class EntryV2 {
  get isVisible() {
    return false;
  }
}
class EntryV1 {}

let controller: AbortController;
let timers: (() => void)[];

beforeEach(() => {
  controller = new AbortController();
  timers = [];
  ScriptedObserver.last = undefined;
});
afterEach(() => controller.abort());

function gate(extra: Partial<VisibilityGateOptions> = {}) {
  return createVisibilityGate({
    signal: controller.signal,
    view: { IntersectionObserver: ScriptedObserver, IntersectionObserverEntry: EntryV2 },
    setTimeout: (callback) => timers.push(callback),
    ...extra,
  });
}

const element = () => ({ nodeName: 'BUTTON' }) as unknown as Element;

describe('where the browser tracks visibility', () => {
  it('asks for visibility tracking with the least delay, once something is watched', () => {
    const g = gate();
    expect(g.tracked).toBe(true);
    // Made lazily: a gate nothing was watched through observes nothing and costs nothing.
    expect(ScriptedObserver.last).toBeUndefined();
    g.watch(element());
    expect(ScriptedObserver.last!.options).toEqual({ trackVisibility: true, delay: VISIBILITY_DELAY_MS });
    expect(VISIBILITY_DELAY_MS).toBe(100);
  });

  it('answers by the latest report about the control', async () => {
    const g = gate();
    const button = element();
    g.watch(button);
    expect(ScriptedObserver.last!.observed.has(button)).toBe(true);
    ScriptedObserver.last!.report(button, true);
    await expect(g.check(button)).resolves.toBe(true);
    ScriptedObserver.last!.report(button, false);
    await expect(g.check(button)).resolves.toBe(false);
    ScriptedObserver.last!.report(button, true);
    await expect(g.check(button)).resolves.toBe(true);
  });

  it('awaits the first report of a control watched a moment ago', async () => {
    const g = gate();
    const button = element();
    g.watch(button);
    const answer = g.check(button);
    ScriptedObserver.last!.report(button, true);
    await expect(answer).resolves.toBe(true);
    const other = element();
    g.watch(other);
    const hidden = g.check(other);
    ScriptedObserver.last!.report(other, false);
    await expect(hidden).resolves.toBe(false);
  });

  it('counts a control with no report in time as hidden', async () => {
    const g = gate();
    const button = element();
    g.watch(button);
    const answer = g.check(button);
    timers.forEach((run) => run());
    await expect(answer).resolves.toBe(false);
  });

  it('forgets an unwatched control: a pending check answers hidden, and no report is kept', async () => {
    const g = gate();
    const button = element();
    g.watch(button);
    ScriptedObserver.last!.report(button, true);
    const other = element();
    g.watch(other);
    const pending = g.check(other);
    g.unwatch(other);
    g.unwatch(button);
    await expect(pending).resolves.toBe(false);
    expect(ScriptedObserver.last!.observed.size).toBe(0);
    const again = g.check(button);
    timers.forEach((run) => run());
    await expect(again).resolves.toBe(false);
  });

  it('refuses while the host style is tampered with, and once the content script is gone', async () => {
    let tampered = true;
    const g = gate({ tampered: () => tampered });
    const button = element();
    g.watch(button);
    ScriptedObserver.last!.report(button, true);
    await expect(g.check(button)).resolves.toBe(false);
    tampered = false;
    await expect(g.check(button)).resolves.toBe(true);
    controller.abort();
    expect(ScriptedObserver.last!.disconnected).toBe(true);
    await expect(g.check(button)).resolves.toBe(false);
  });
});

describe('where it does not (no isVisible on the entries)', () => {
  it('is untracked and passes every check, unless the host style is tampered with', async () => {
    expect(tracksVisibility({ IntersectionObserver: ScriptedObserver, IntersectionObserverEntry: EntryV1 })).toBe(false);
    expect(tracksVisibility({})).toBe(false);
    let tampered = false;
    const g = gate({ view: { IntersectionObserver: ScriptedObserver, IntersectionObserverEntry: EntryV1 }, tampered: () => tampered });
    expect(g.tracked).toBe(false);
    expect(ScriptedObserver.last).toBeUndefined();
    const button = element();
    g.watch(button);
    await expect(g.check(button)).resolves.toBe(true);
    tampered = true;
    await expect(g.check(button)).resolves.toBe(false);
  });
});
