/**
 * Whether a button of ours is really seen when it is clicked (clickjacking): an
 * IntersectionObserver v2 (`trackVisibility`) tells whether the element is unoccluded, without
 * opacity, filters or distorting transforms on it or any ancestor, across frames. A click that
 * comes while it is not visible must be ignored. Used by the page assistant (Fill button, picker
 * frame, dialog buttons) and by the picker page itself (its rows), which the ACE page cannot
 * touch. Where the browser does not track visibility (Firefox), `tracked` is false and every
 * check passes: the other-importer question is then asked in the extension's own window.
 */

/** What the user is told when a click on a hidden or covered control was ignored. */
export const HIDDEN_CLICK_MESSAGE = 'This page covered or hid ACE ACH Assist; nothing was filled.';

/** IntersectionObserver v2's least delay; visibility is re-judged at most this often. */
export const VISIBILITY_DELAY_MS = 100;
/** An element watched a moment ago has no answer yet: its first one is awaited this long. */
const FIRST_ANSWER_WAIT_MS = 600;

export interface VisibilityGate {
  /** False where the browser has no visibility tracking (no `isVisible` on the entries). */
  readonly tracked: boolean;
  watch(element: Element): void;
  unwatch(element: Element): void;
  /**
   * Whether `element` is really visible now (the latest answer; for an element watched a
   * moment ago, its first answer). Always true where visibility is not tracked.
   */
  check(element: Element): Promise<boolean>;
}

interface VisibilityEntry {
  readonly target: Element;
  readonly isVisible?: boolean;
}

type ObserverConstructor = new (
  callback: (entries: VisibilityEntry[]) => void,
  options: { trackVisibility: boolean; delay: number },
) => { observe(element: Element): void; unobserve(element: Element): void; disconnect(): void };

export interface VisibilityGateOptions {
  readonly signal: AbortSignal;
  /** The window whose IntersectionObserver is used (injectable for DOM tests). */
  readonly view: {
    readonly IntersectionObserver?: unknown;
    readonly IntersectionObserverEntry?: { readonly prototype: object };
  };
  readonly setTimeout: (callback: () => void, ms: number) => unknown;
  /** Further reason to refuse (the host style guard saw styles it could not undo). */
  readonly tampered?: () => boolean;
}

/** Whether the window's IntersectionObserver reports `isVisible` (v2). */
export function tracksVisibility(view: VisibilityGateOptions['view']): boolean {
  const entry = view.IntersectionObserverEntry;
  return typeof view.IntersectionObserver === 'function' && entry !== undefined && 'isVisible' in entry.prototype;
}

export function createVisibilityGate(options: VisibilityGateOptions): VisibilityGate {
  const tracked = tracksVisibility(options.view);
  const tampered = options.tampered ?? (() => false);
  if (!tracked) {
    return { tracked, watch() {}, unwatch() {}, check: () => Promise.resolve(!tampered()) };
  }
  const visible = new WeakMap<Element, boolean>();
  const waiting = new Map<Element, ((seen: boolean) => void)[]>();
  const Observer = options.view.IntersectionObserver as ObserverConstructor;
  let made: InstanceType<ObserverConstructor> | undefined;
  /** Made at the first watch: a gate nothing was watched through costs nothing. */
  const observer = () => {
    if (made) return made;
    const next = new Observer(
      (entries) => {
        for (const entry of entries) {
          visible.set(entry.target, entry.isVisible === true);
          settle(entry.target, entry.isVisible === true);
        }
      },
      { trackVisibility: true, delay: VISIBILITY_DELAY_MS },
    );
    options.signal.addEventListener('abort', () => next.disconnect(), { once: true });
    return (made = next);
  };

  function settle(element: Element, seen: boolean) {
    const waiters = waiting.get(element);
    waiting.delete(element);
    waiters?.forEach((resolve) => resolve(seen));
  }

  return {
    tracked,
    watch(element) {
      if (!options.signal.aborted) observer().observe(element);
    },
    unwatch(element) {
      made?.unobserve(element);
      visible.delete(element);
      settle(element, false);
    },
    check(element) {
      if (tampered() || options.signal.aborted) return Promise.resolve(false);
      const known = visible.get(element);
      if (known !== undefined) return Promise.resolve(known);
      // Watched a moment ago: its first answer decides; none in time counts as not seen.
      return new Promise<boolean>((resolve) => {
        waiting.set(element, [...(waiting.get(element) ?? []), resolve]);
        options.setTimeout(() => settle(element, false), FIRST_ANSWER_WAIT_MS);
      });
    },
  };
}
