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
import { ASSISTANT_STYLE, CARD_INSET, TAB_SIZE } from './assistant-style';
import { cornerBox, placeCard } from './card-place';
import { createFormObstacles } from './form-obstacles';
import { guardHostStyle, type HostStyleGuard } from '../host-style-guard';
import { createVisibilityGate, HIDDEN_CLICK_MESSAGE, type VisibilityGate } from '../visibility-gate';
import { showIgnoredClick } from './assistant-dialog';
import { createAssistantCard } from './assistant-card';
import { createFieldMarks, setPx, type Size } from './field-marks-layer';
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
  const card = createAssistantCard(doc, signal, handlers, () => {
    placeCardNow();
    marks.place();
  });
  const overlay = doc.createElement('div');
  overlay.className = 'overlay';
  shadow.append(style, chipLayer, messageLayer, flashLayer, buttonLayer, card.element, card.tab, overlay, live.element);

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
    cardBoxes: () => cardBoxes,
    fillButton,
    watch: (button) => gate.watch(button),
    unwatch: (button) => gate.unwatch(button),
  });

  const formObstacles = createFormObstacles();
  /** What the card must not cover, read at the start of the last frame. */
  let obstacles: Box[] = [];
  let viewport: Size = { width: 0, height: 0 };
  /** The card's and its tab's boxes as last placed (messages keep clear of them). */
  let cardBoxes: Box[] = [];
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
    view.addEventListener('scroll', moved, { capture: true, passive: true, signal });
    view.addEventListener('resize', moved, { passive: true, signal });
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
    placeCardNow();
    marks.place();
  }

  /**
   * The card in the first corner where it covers none of the form's fields, labels and buttons;
   * else folded into its tab in a corner that is free. Sizes come from the ResizeObserver and the
   * obstacles from the frame's reads: this writes only.
   */
  function placeCardNow() {
    const size = sizes.get(card.element);
    if (card.element.hidden || !size || size.width === 0) {
      card.fold(false);
      cardBoxes = [];
      return;
    }
    const { corner, folded } = placeCard(size, TAB_SIZE, obstacles, viewport, CARD_INSET);
    card.fold(folded);
    const tabBox = cornerBox(corner, TAB_SIZE, viewport, CARD_INSET);
    let box = cornerBox(corner, size, viewport, CARD_INSET);
    // Opened from its tab, the card stands beside the tab, on the viewport's side.
    if (folded) box = { ...box, top: corner.startsWith('bottom') ? Math.max(CARD_INSET, tabBox.top - 6 - size.height) : tabBox.top + TAB_SIZE.height + 6 };
    if (!card.element.classList.contains('placed')) card.element.classList.add('placed');
    setPx(card.element, 'left', box.left);
    setPx(card.element, 'top', box.top);
    setPx(card.tab, 'left', tabBox.left);
    setPx(card.tab, 'top', tabBox.top);
    cardBoxes = folded ? (card.opened ? [tabBox, box] : [tabBox]) : [box];
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
    viewport = { width: view.innerWidth, height: view.innerHeight };
    const boxes = fields.map((field) => boxOf(field.element));
    obstacles = formObstacles.read(fields.map((field) => field.element), boxes);
    const flashBoxes = flashes.map(boxOf);
    flashes = [];
    card.show(nextCard);
    placeCardNow();
    marks.draw(fields, boxes, viewport);
    for (const box of flashBoxes) if (box) drawFlash(doc, flashLayer, box, setTimer);
  }

  /** The page moved under us: what the card avoids is read again at the next frame. */
  function moved() {
    formObstacles.invalidate();
    schedule();
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
    reposition: moved,
    flash(elements) {
      show();
      flashes.push(...elements);
      schedule();
    },
    announce,
    gate,
  };
}
