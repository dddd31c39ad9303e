/**
 * The assistant's visible part on an ACE page: per field a chip and a message box placed beside
 * the field, the Fill button in the routing field, a status card in the corner (importer,
 * profile, vault), dialogs and the picker frame, brief highlights of filled fields, and a live
 * region for screen readers. All inside one closed shadow root, so page scripts can neither read
 * what it says nor restyle it.
 *
 * Cheap to create: nothing touches the page (host, observers, listeners) until there is something
 * to show. Once shown, every write waits for the next animation frame, which first reads the
 * fields' boxes (before any write of ours, so the browser lays out the page at most once, as it
 * would anyway) and then writes only what changed; our elements' sizes come from a
 * ResizeObserver, so no read ever follows a write of ours.
 */
import type { AssistantUiHandlers, CardView, FieldView } from './assistant-view';
import type { Box } from './place-message';
import { ASSISTANT_STYLE, CARD_INSET } from './assistant-style';
import { guardHostStyle, type HostStyleGuard } from '../host-style-guard';
import { createVisibilityGate, HIDDEN_CLICK_MESSAGE, type VisibilityGate } from '../visibility-gate';
import { showIgnoredClick } from './assistant-dialog';
import { createAssistantCard } from './assistant-card';
import { createFieldMarks, type Size } from './field-marks-layer';
import { createFillButtons } from './fill-button';
import { drawFlash } from './flash-layer';
import { createLiveRegion } from './live-region';

export type { AssistantUiHandlers, CardView, FieldView } from './assistant-view';

export interface AssistantUi {
  render(fields: FieldView[], card: CardView | null): void;
  announce(text: string): void;
  /** Where dialogs and the picker frame go: inside the closed root, above the page. */
  readonly overlay: HTMLElement;
  /** Outlines the filled fields for a moment. */
  flash(elements: readonly HTMLElement[]): void;
  /** Places chips, messages and the Fill button again at the next frame (a scroll inside a shadow root). */
  reposition(): void;
  /** Whether a control of ours is really seen when clicked (the Fill button's clicks go through it already). */
  readonly gate: VisibilityGate;
}


export function createAssistantUi(
  doc: Document,
  hostTag: string,
  signal: AbortSignal,
  handlers: AssistantUiHandlers,
  setTimer: (callback: () => void, ms: number) => unknown,
): AssistantUi {
  const view = doc.defaultView ?? window;
  const host = doc.createElement(hostTag);
  const shadow = host.attachShadow({ mode: 'closed' });
  let guard: HostStyleGuard | undefined;
  // Until the host is in the page nothing of ours can be seen: every click is refused.
  const gate = createVisibilityGate({ signal, view, setTimeout: setTimer, tampered: () => guard?.tampered() ?? true });
  const style = doc.createElement('style');
  style.textContent = ASSISTANT_STYLE;
  const layer = () => {
    const element = doc.createElement('div');
    element.className = 'layer';
    return element;
  };
  const chipLayer = layer();
  // Message boxes above chips; filled fields' outlines below the Fill button, never covering it.
  const messageLayer = layer();
  const flashLayer = layer();
  const buttonLayer = layer();
  const live = createLiveRegion(doc, setTimer);
  const card = createAssistantCard(doc, signal, handlers);
  const overlay = doc.createElement('div');
  overlay.className = 'overlay';
  shadow.append(style, chipLayer, messageLayer, flashLayer, buttonLayer, card.element, overlay, live.element);

  const sizes = new WeakMap<Element, Size>();
  let resizes: ResizeObserver | undefined;
  const fillButton = createFillButtons({ doc, signal, gate, onFill: handlers.onFill, onIgnoredClick: ignoredClick });
  const marks = createFieldMarks({
    doc,
    chipLayer,
    messageLayer,
    buttonLayer,
    measure: (element) => resizes?.observe(element),
    forget: (element) => resizes?.unobserve(element),
    sizeOf: (element) => sizes.get(element),
    cardBox,
    fillButton,
    watch: (button) => gate.watch(button),
    unwatch: (button) => gate.unwatch(button),
  });

  let fields: FieldView[] = [];
  let nextCard: CardView | null = null;
  let flashes: HTMLElement[] = [];
  let framePending = false;
  let shown = false;

  /** Puts the host in the page and starts watching it: at the first thing to show, not before. */
  function show() {
    if (shown || signal.aborted) return;
    shown = true;
    guard = guardHostStyle(host, { doc, signal });
    if (typeof ResizeObserver === 'function') {
      resizes = new ResizeObserver(resized);
      resizes.observe(card.element);
    }
    view.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
    view.addEventListener('resize', schedule, { passive: true, signal });
    signal.addEventListener('abort', () => {
      resizes?.disconnect();
      host.remove();
    }, { once: true });
    doc.documentElement.append(host);
  }
  // A dialog put in the overlay before anything else was shown must be seen too.
  new MutationObserver(show).observe(overlay, { childList: true });

  /** Sizes the browser reports after layout: reading them forces nothing; only positions are written. */
  function resized(entries: ResizeObserverEntry[]) {
    if (signal.aborted) return;
    for (const entry of entries) {
      const box = entry.borderBoxSize?.[0];
      sizes.set(entry.target, box ? { width: box.inlineSize, height: box.blockSize } : { width: entry.contentRect.width, height: entry.contentRect.height });
    }
    marks.place();
  }

  /** The corner card, so no message hides under it: its size observed, its place fixed by our style. */
  function cardBox(viewport: Size): Box | null {
    const size = sizes.get(card.element);
    if (card.element.hidden || !size || size.width === 0) return null;
    return { left: viewport.width - CARD_INSET - size.width, top: viewport.height - CARD_INSET - size.height, ...size };
  }

  function boxOf(element: HTMLElement): Box | null {
    if (!element.isConnected) return null;
    const r = element.getBoundingClientRect();
    return r.width > 0 && r.height > 0 ? { left: r.left, top: r.top, width: r.width, height: r.height } : null;
  }

  /** One animation frame: every read first, then the writes of what changed. */
  function frame() {
    framePending = false;
    if (signal.aborted) return;
    const viewport = { width: view.innerWidth, height: view.innerHeight };
    const boxes = fields.map((field) => boxOf(field.element));
    const flashBoxes = flashes.map(boxOf);
    flashes = [];
    card.show(nextCard);
    marks.draw(fields, boxes, viewport);
    for (const box of flashBoxes) if (box) drawFlash(doc, flashLayer, box, setTimer);
  }

  function schedule() {
    if (framePending || signal.aborted || !shown) return;
    framePending = true;
    requestAnimationFrame(frame);
  }

  /** Said where the user may see it (and to screen readers); the click did nothing. */
  function ignoredClick() {
    announce(HIDDEN_CLICK_MESSAGE);
    void showIgnoredClick(doc, overlay, signal);
  }

  function announce(text: string) {
    show();
    live.announce(text);
  }

  return {
    render(nextFields, cardView) {
      fields = nextFields;
      nextCard = cardView;
      if (nextFields.length > 0 || cardView) show();
      schedule();
    },
    overlay,
    reposition: schedule,
    flash(elements) {
      show();
      flashes.push(...elements);
      schedule();
    },
    announce,
    gate,
  };
}
