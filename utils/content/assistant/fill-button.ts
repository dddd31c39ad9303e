/**
 * The Fill button inside the routing field: made once per field, so a keyboard user's focus on
 * it survives every redraw, and a click the user could not see (the page hid or covered us)
 * opens nothing.
 */
import type { VisibilityGate } from '../visibility-gate';

export interface FillButtonOptions {
  doc: Document;
  signal: AbortSignal;
  gate: VisibilityGate;
  /** The button in `field` was pressed and seen; focus goes back to `button` when the picker closes. */
  onFill(field: HTMLElement, button: HTMLElement): void;
  /** A click the visibility gate refused. */
  onIgnoredClick(): void;
}

export function createFillButtons(options: FillButtonOptions): (field: HTMLElement) => HTMLButtonElement {
  const { doc, signal, gate } = options;
  const buttons = new WeakMap<HTMLElement, HTMLButtonElement>();
  return (field) => {
    const known = buttons.get(field);
    if (known) return known;
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'fill-button';
    button.textContent = 'Fill';
    button.setAttribute('aria-label', 'Fill the bank form from a saved profile');
    button.title = 'Fill the bank form from a saved profile';
    const onClick = async () => ((await gate.check(button)) ? options.onFill(field, button) : options.onIgnoredClick());
    button.addEventListener('click', () => void onClick(), { signal });
    buttons.set(field, button);
    return button;
  };
}
