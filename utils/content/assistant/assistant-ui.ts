/**
 * The assistant's visible part on an ACE page: per field a chip and a message box placed beside
 * the field, the Fill button in the routing field, a status card in the corner (importer,
 * profile, vault), dialogs and the picker frame, brief highlights of filled fields, and a live
 * region for screen readers. All inside one closed shadow root, so page scripts can neither read
 * what it says nor restyle it.
 */
import type { FieldMessage, FieldReport } from '@/utils/form-checks/field-reports';
import { placeChip, placeMessage, type Box } from './place-message';
import { ASSISTANT_STYLE } from './assistant-style';
import { guardHostStyle } from '../host-style-guard';
import { createVisibilityGate, HIDDEN_CLICK_MESSAGE, type VisibilityGate } from '../visibility-gate';
import { showDialog } from './assistant-dialog';

export interface FieldView {
  element: HTMLElement;
  name: string;
  report?: FieldReport;
  /** Draws the "Fill" button inside the field's right end (the routing field). */
  fillButton?: boolean;
}

export interface CardView {
  title: string;
  lines: string[];
  choices?: { id: string; label: string }[];
  chosenId?: string;
  /** The page's importer numbers when no label says which is the importer's: the user chooses. */
  importerChoices?: string[];
  chosenImporter?: string;
  unlock?: boolean;
  /** Several bank forms: one button per form, answering which is the refund form. */
  formChoices?: string[];
}

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

export interface AssistantUiHandlers {
  onChoose(profileId: string): void;
  onChooseImporter(importerNumber: string): void;
  onUnlock(): void;
  /** The user said which of the page's bank forms is the refund form. */
  onChooseForm?(index: number): void;
  /** The Fill button in `field` was pressed; focus goes back to `button` when the picker closes. */
  onFill(field: HTMLElement, button: HTMLElement): void;
}

const FLASH_MS = 1200;

const SYMBOL = { ok: '✓', invalid: '✗', mismatch: '≠' } as const;

function messageList(doc: Document, messages: readonly FieldMessage[]): HTMLElement {
  const list = doc.createElement('ul');
  for (const message of messages) {
    const item = doc.createElement('li');
    item.className = message.severity;
    item.textContent = message.text;
    list.append(item);
  }
  return list;
}

export function createAssistantUi(
  doc: Document,
  hostTag: string,
  signal: AbortSignal,
  handlers: AssistantUiHandlers,
  setTimer: (callback: () => void, ms: number) => unknown,
): AssistantUi {
  const host = doc.createElement(hostTag);
  const shadow = host.attachShadow({ mode: 'closed' });
  const guard = guardHostStyle(host, { doc, signal });
  const gate = createVisibilityGate({ signal, view: doc.defaultView ?? window, setTimeout: setTimer, tampered: guard.tampered });
  const style = doc.createElement('style');
  style.textContent = ASSISTANT_STYLE;
  const layer = doc.createElement('div');
  layer.className = 'layer';
  const live = doc.createElement('div');
  live.className = 'visually-hidden';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  const card = doc.createElement('section');
  card.className = 'card';
  card.setAttribute('aria-label', 'ACE ACH Assist');
  const buttonLayer = doc.createElement('div');
  buttonLayer.className = 'layer';
  // Filled fields' outlines go below the Fill button, so that they never cover it.
  const flashLayer = doc.createElement('div');
  flashLayer.className = 'layer';
  const overlay = doc.createElement('div');
  overlay.className = 'overlay';
  shadow.append(style, layer, flashLayer, buttonLayer, card, overlay, live);
  const fillButtons = new WeakMap<HTMLElement, HTMLButtonElement>();
  const placedButtons = new Set<HTMLButtonElement>();

  let fields: FieldView[] = [];
  let framePending = false;

  function place() {
    framePending = false;
    if (signal.aborted) return;
    layer.replaceChildren();
    placedButtons.clear();
    const view = doc.defaultView!;
    const viewport = { width: view.innerWidth, height: view.innerHeight };
    const rects = fields.map((field) => field.element.getBoundingClientRect());
    const boxes: Box[] = rects.map((r) => ({ left: r.left, top: r.top, width: r.width, height: r.height }));
    const shown = (i: number) => fields[i]!.element.isConnected && rects[i]!.width > 0 && rects[i]!.height > 0;
    // Chips first, so the message boxes placed next keep clear of them too.
    const chipBoxes: Box[] = [];
    fields.forEach((field, i) => {
      if (!shown(i)) return;
      const rect = rects[i]!;
      const state = field.report?.state;
      const chip = doc.createElement('div');
      chip.className = `chip ${state ?? 'seen'}`;
      chip.textContent = `${state ? SYMBOL[state] : '✓'} ${field.report?.chip ?? field.name}`;
      layer.append(chip);
      const size = { width: chip.offsetWidth, height: chip.offsetHeight };
      const spot = placeChip(boxes[i]!, size, boxes.filter((_, j) => j !== i), viewport);
      chip.style.left = `${Math.round(spot.left)}px`;
      chip.style.top = `${Math.round(spot.top)}px`;
      chipBoxes.push({ ...spot, ...size });
      if (field.fillButton) placeFillButton(field.element, rect);
    });
    fields.forEach((field, i) => {
      if (!shown(i)) return;
      const rect = rects[i]!;
      const state = field.report?.state;
      const messages = field.report?.messages ?? [];
      if (messages.length === 0) return;
      const box = doc.createElement('div');
      box.className = `messages ${state ?? ''}`;
      box.append(messageList(doc, messages));
      box.style.width = `${Math.max(220, Math.min(320, Math.round(rect.width)))}px`;
      layer.append(box);
      const size = { width: box.offsetWidth, height: box.offsetHeight };
      const spot = placeMessage(boxes[i]!, size, [...boxes.filter((_, j) => j !== i), ...chipBoxes, ...cardBox()], viewport);
      box.style.left = `${Math.round(spot.left)}px`;
      box.style.top = `${Math.round(spot.top)}px`;
    });
    for (const button of [...buttonLayer.children]) {
      if (placedButtons.has(button as HTMLButtonElement)) continue;
      gate.unwatch(button);
      button.remove();
    }
  }

  /**
   * Inside the field's right end, as password managers place theirs. Kept from one placement to
   * the next (in a layer of its own), so a keyboard user's focus on it survives a redraw.
   */
  function placeFillButton(element: HTMLElement, rect: DOMRect) {
    let button = fillButtons.get(element);
    if (!button) {
      button = doc.createElement('button');
      button.type = 'button';
      button.className = 'fill-button';
      button.textContent = 'Fill';
      button.setAttribute('aria-label', 'Fill the bank form from a saved profile');
      button.title = 'Fill the bank form from a saved profile';
      const pressed = button;
      // A click the user could not see (the page hid or covered us) opens nothing.
      button.addEventListener('click', () => void gate.check(pressed).then((seen) => (seen ? handlers.onFill(element, pressed) : ignoredClick())), { signal });
      fillButtons.set(element, button);
    }
    const height = Math.min(22, Math.max(16, rect.height - 6));
    button.style.height = `${Math.round(height)}px`;
    button.style.left = `${Math.round(rect.right - 4)}px`;
    button.style.top = `${Math.round(rect.top + (rect.height - height) / 2)}px`;
    placedButtons.add(button);
    if (button.parentNode !== buttonLayer) {
      buttonLayer.append(button);
      gate.watch(button);
    }
  }

  /** Said where the user may see it (and to screen readers); the click did nothing. */
  function ignoredClick() {
    announce(HIDDEN_CLICK_MESSAGE);
    void showDialog(doc, overlay, { title: 'ACE ACH Assist ignored a click', lines: [HIDDEN_CLICK_MESSAGE], choices: [{ value: 'ok', label: 'OK' }], dismiss: 'ok' }, signal);
  }

  function announce(text: string) {
    // Cleared first so the same words are announced again when they come back.
    live.textContent = '';
    setTimer(() => (live.textContent = text), 50);
  }

  /** The corner card, so no message hides under it. */
  function cardBox(): Box[] {
    if (card.hidden) return [];
    const r = card.getBoundingClientRect();
    return r.width > 0 ? [{ left: r.left, top: r.top, width: r.width, height: r.height }] : [];
  }

  function schedulePlace() {
    if (framePending || signal.aborted) return;
    framePending = true;
    requestAnimationFrame(place);
  }

  function choiceSelect(
    name: string,
    prompt: string,
    choices: readonly { id: string; label: string }[],
    chosenId: string | undefined,
    onChoose: (id: string) => void,
  ): HTMLElement {
    const label = doc.createElement('label');
    label.textContent = name;
    const select = doc.createElement('select');
    const none = doc.createElement('option');
    none.value = '';
    none.textContent = prompt;
    select.append(none);
    for (const choice of choices) {
      const option = doc.createElement('option');
      option.value = choice.id;
      option.textContent = choice.label;
      option.selected = choice.id === chosenId;
      select.append(option);
    }
    select.addEventListener('change', () => select.value && onChoose(select.value), { signal });
    label.append(select);
    return label;
  }

  function renderCard(view: CardView | null) {
    card.replaceChildren();
    card.hidden = view === null;
    if (!view) return;
    const title = doc.createElement('h2');
    title.textContent = view.title;
    card.append(title);
    for (const line of view.lines) {
      const p = doc.createElement('p');
      p.textContent = line;
      card.append(p);
    }
    if (view.importerChoices && view.importerChoices.length > 0) {
      const choices = view.importerChoices.map((number) => ({ id: number, label: number }));
      card.append(choiceSelect('Importer of this page', 'Choose the importer number…', choices, view.chosenImporter, handlers.onChooseImporter));
    }
    if (view.choices && view.choices.length > 0) {
      card.append(choiceSelect('Compare with profile', 'Choose a profile…', view.choices, view.chosenId, handlers.onChoose));
    }
    view.formChoices?.forEach((label, index) => {
      const button = doc.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.addEventListener('click', () => handlers.onChooseForm?.(index), { signal });
      card.append(button);
    });
    if (view.unlock) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.textContent = 'Unlock to compare with your profile';
      button.addEventListener('click', () => handlers.onUnlock(), { signal });
      card.append(button);
    }
  }

  const view = doc.defaultView ?? window;
  view.addEventListener('scroll', schedulePlace, { capture: true, passive: true, signal });
  view.addEventListener('resize', schedulePlace, { passive: true, signal });
  signal.addEventListener('abort', () => host.remove(), { once: true });

  return {
    render(nextFields, nextCard) {
      fields = nextFields;
      if (!host.isConnected) doc.documentElement.append(host);
      renderCard(nextCard);
      schedulePlace();
    },
    overlay,
    reposition: schedulePlace,
    flash(elements) {
      for (const element of elements) {
        const r = element.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const box = doc.createElement('div');
        box.className = 'flash';
        Object.assign(box.style, { left: `${r.left - 3}px`, top: `${r.top - 3}px`, width: `${r.width + 6}px`, height: `${r.height + 6}px` });
        flashLayer.append(box);
        setTimer(() => box.remove(), FLASH_MS);
      }
    },
    announce,
    gate,
  };
}
