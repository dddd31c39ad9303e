/**
 * The assistant's marks beside the form's fields: per field one chip, one message box (while
 * there is something to say) and the Fill button in the routing field. Each is kept from frame to
 * frame and written only where something changed, so a keystroke touches one chip. Nothing here
 * reads the layout: fields' boxes are read by the caller at the start of a frame, before any write,
 * and our elements' sizes come from a ResizeObserver (reported after layout), so placing them never
 * makes the browser lay out the page again.
 */
import type { FieldMessage } from '@/utils/form-checks/field-reports';
import type { FieldView } from './assistant-view';
import { placeChip, placeMessage, type Box } from './place-message';

export interface Size {
  width: number;
  height: number;
}

export interface FieldMarksOptions {
  readonly doc: Document;
  readonly chipLayer: HTMLElement;
  readonly messageLayer: HTMLElement;
  readonly buttonLayer: HTMLElement;
  /** A new element of ours whose size `sizeOf` must learn (a ResizeObserver's observe). */
  readonly measure: (element: HTMLElement) => void;
  readonly forget: (element: HTMLElement) => void;
  readonly sizeOf: (element: HTMLElement) => Size | undefined;
  /** The corner card's box and its tab's, where shown: no message may cover them. */
  readonly cardBoxes: () => readonly Box[];
  /** The Fill button of `field` (made once per field, so focus on it survives redraws). */
  readonly fillButton: (field: HTMLElement) => HTMLButtonElement;
  readonly watch: (button: HTMLElement) => void;
  readonly unwatch: (button: HTMLElement) => void;
}

export interface FieldMarks {
  /** Writes what changed since the last draw; `boxes[i]` is `fields[i]`'s box, null when it is not shown. */
  draw(fields: readonly FieldView[], boxes: readonly (Box | null)[], viewport: Size): void;
  /** Places chips and message boxes again (their sizes changed); reads nothing. */
  place(): void;
}

interface Marks {
  box: Box | null;
  chip: HTMLElement;
  chipKey?: string;
  messages?: HTMLElement;
  messagesKey?: string;
  button?: HTMLButtonElement;
}

const SYMBOL = { ok: '✓', invalid: '✗', mismatch: '≠' } as const;

export type Length = 'left' | 'top' | 'width' | 'height';

/** The inline lengths last written to each element of ours (no page script can change them: the root is closed). */
const written = new WeakMap<HTMLElement, Partial<Record<Length, number>>>();

/** Sets an inline length only when it differs from the one written last. */
export function setPx(element: HTMLElement, property: Length, value: number) {
  const px = Math.round(value);
  const lengths = written.get(element) ?? {};
  if (lengths[property] === px) return;
  lengths[property] = px;
  written.set(element, lengths);
  element.style[property] = `${px}px`;
}

/** In `parent` or out of the page, appending or removing only when that changes. */
function attach(element: HTMLElement, parent: HTMLElement, on: boolean) {
  if (on && element.parentNode !== parent) parent.append(element);
  else if (!on && element.parentNode) element.remove();
}

export function createFieldMarks(options: FieldMarksOptions): FieldMarks {
  const { doc } = options;
  const all = new Map<HTMLElement, Marks>();
  /** The fields in the caller's order (placement order: earlier chips are avoided by later ones). */
  let order: Marks[] = [];
  let viewport: Size = { width: 0, height: 0 };

  function messageList(messages: readonly FieldMessage[]): HTMLElement {
    const list = doc.createElement('ul');
    for (const message of messages) {
      const item = doc.createElement('li');
      item.className = message.severity;
      item.textContent = message.text;
      list.append(item);
    }
    return list;
  }

  function drawOne(view: FieldView, box: Box | null): Marks {
    let marks = all.get(view.element);
    if (!marks) {
      const chip = doc.createElement('div');
      options.measure(chip);
      marks = { box, chip };
      all.set(view.element, marks);
    }
    marks.box = box;
    const state = view.report?.state;
    const chipClass = `chip ${state ?? 'seen'}`;
    // Recognised but not checked (an empty field, a field with no rule): its name only, never a ✓.
    const chipText = state ? `${SYMBOL[state]} ${view.report?.chip ?? view.name}` : view.report?.chip ?? view.name;
    if (marks.chipKey !== `${chipClass}\n${chipText}`) {
      marks.chipKey = `${chipClass}\n${chipText}`;
      marks.chip.className = chipClass;
      marks.chip.textContent = chipText;
    }
    attach(marks.chip, options.chipLayer, box !== null);

    const messages = view.report?.messages ?? [];
    if (box && messages.length > 0) {
      if (!marks.messages) {
        marks.messages = doc.createElement('div');
        options.measure(marks.messages);
      }
      const key = `${state ?? ''}\n${JSON.stringify(messages)}`;
      if (marks.messagesKey !== key) {
        marks.messagesKey = key;
        marks.messages.className = `messages ${state ?? ''}`;
        marks.messages.replaceChildren(messageList(messages));
      }
      setPx(marks.messages, 'width', Math.max(220, Math.min(320, box.width)));
    }
    if (marks.messages) attach(marks.messages, options.messageLayer, Boolean(box && messages.length > 0));

    if (view.fillButton && box) placeFillButton(marks, view.element, box);
    else removeButton(marks);
    return marks;
  }

  /** Inside the field's right end, as password managers place theirs. */
  function placeFillButton(marks: Marks, field: HTMLElement, box: Box) {
    const button = (marks.button ??= options.fillButton(field));
    const height = Math.min(22, Math.max(16, box.height - 6));
    setPx(button, 'height', height);
    setPx(button, 'left', box.left + box.width - 4);
    setPx(button, 'top', box.top + (box.height - height) / 2);
    if (button.parentNode !== options.buttonLayer) {
      options.buttonLayer.append(button);
      options.watch(button);
    }
  }

  function removeButton(marks: Marks) {
    if (!marks.button?.parentNode) return;
    options.unwatch(marks.button);
    marks.button.remove();
  }

  function place() {
    const shown = order.filter((marks) => marks.box !== null);
    const fieldBoxes = shown.map((marks) => marks.box!);
    const others = (i: number) => fieldBoxes.filter((_, j) => j !== i);
    // Chips first, so that the message boxes placed next keep clear of them too.
    const chipBoxes: Box[] = [];
    shown.forEach((marks, i) => {
      const size = options.sizeOf(marks.chip);
      if (!size) return;
      const spot = placeChip(marks.box!, size, [...others(i), ...chipBoxes], viewport);
      setPx(marks.chip, 'left', spot.left);
      setPx(marks.chip, 'top', spot.top);
      chipBoxes.push({ ...spot, ...size });
    });
    const card = options.cardBoxes();
    shown.forEach((marks, i) => {
      const size = marks.messages?.parentNode ? options.sizeOf(marks.messages) : undefined;
      if (!size) return;
      const spot = placeMessage(marks.box!, size, [...others(i), ...chipBoxes, ...card], viewport);
      setPx(marks.messages!, 'left', spot.left);
      setPx(marks.messages!, 'top', spot.top);
    });
  }

  return {
    draw(fields, boxes, nextViewport) {
      viewport = nextViewport;
      order = fields.map((view, i) => drawOne(view, boxes[i] ?? null));
      const current = new Set(fields.map((view) => view.element));
      for (const [element, marks] of all) {
        if (current.has(element)) continue;
        for (const mark of [marks.chip, marks.messages]) {
          if (!mark) continue;
          mark.remove();
          options.forget(mark);
        }
        removeButton(marks);
        all.delete(element);
      }
      place();
    },
    place,
  };
}
