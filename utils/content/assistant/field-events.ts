/**
 * Which events the page assistant checks the form after: those on one of the form's fields,
 * each once (it is heard at the document and inside the shadow roots on its path), and the
 * check runs on the next turn, never inside the page's own event.
 */
import type { DetectedForm } from '../detected-form';

export interface FieldEvents {
  /** Whether the event is on one of the form's fields, seen from where it was heard: inside a closed root only a listener on that root sees the field. */
  onField(event: Event): boolean;
  /** The listener for field events: asks for one check on the next turn. */
  onFieldEvent(event: Event): void;
}

export function createFieldEvents(
  form: () => DetectedForm | null,
  setTimer: (callback: () => void, ms: number) => unknown,
  check: () => void,
): FieldEvents {
  /** Events already handled, at the document or in an outer root. */
  const handled = new WeakSet<Event>();
  let pending = false;
  function onField(event: Event): boolean {
    const target = event.composedPath()[0];
    return Boolean(
      form()?.fields.some(
        (field) => field.element === target || (target instanceof Node && field.element.contains(target)) || field.elements?.includes(target as HTMLElement),
      ),
    );
  }
  return {
    onField,
    onFieldEvent(event) {
      if (!form() || handled.has(event) || !onField(event)) return;
      handled.add(event);
      // A key press costs the page nothing more, and pasted text has landed by the next turn.
      if (pending) return;
      pending = true;
      setTimer(() => {
        pending = false;
        check();
      }, 0);
    },
  };
}
