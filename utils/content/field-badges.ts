/**
 * Small badges beside recognised fields, drawn in a closed shadow root so page scripts can
 * neither read nor restyle them. Badges sit just above the field's right end and never cover it.
 */
import { FIELD_LABELS } from '@/utils/field-kind-labels';

export interface FieldBadges {
  show(fields: HTMLElement[]): void;
}

const STYLE = `
  :host { all: initial; }
  .layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; }
  .badge {
    position: fixed; max-width: 220px; padding: 2px 6px; border-radius: 10px;
    font: 600 11px/16px system-ui, sans-serif; color: #0b3d1a; background: #d7f5df;
    border: 1px solid #2e8540; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; transform: translateX(-100%);
  }
`;

export function createFieldBadges(doc: Document, signal: AbortSignal): FieldBadges {
  const host = doc.createElement('ace-ach-assist-ui');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const layer = doc.createElement('div');
  layer.className = 'layer';
  shadow.append(style, layer);
  let fields: HTMLElement[] = [];
  let framePending = false;

  function place() {
    framePending = false;
    layer.replaceChildren();
    for (const field of fields) {
      const rect = field.getBoundingClientRect();
      if (!field.isConnected || rect.width === 0 || rect.height === 0) continue;
      const kind = field.getAttribute('data-ace-ach-field');
      const badge = doc.createElement('div');
      badge.className = 'badge';
      badge.textContent = `✓ ${FIELD_LABELS[kind as keyof typeof FIELD_LABELS] ?? kind}`;
      // Right-aligned on the label row just above the field: never over the field itself, nor
      // over a neighbour to its right.
      badge.style.left = `${Math.round(rect.right)}px`;
      badge.style.top = `${Math.round(rect.top - 20)}px`;
      layer.append(badge);
    }
  }

  function schedulePlace() {
    if (framePending || signal.aborted) return;
    framePending = true;
    requestAnimationFrame(place);
  }

  const view = doc.defaultView ?? window;
  view.addEventListener('scroll', schedulePlace, { capture: true, passive: true, signal });
  view.addEventListener('resize', schedulePlace, { passive: true, signal });
  signal.addEventListener('abort', () => host.remove(), { once: true });

  return {
    show(next) {
      fields = next;
      if (fields.length > 0 && !host.isConnected) doc.documentElement.append(host);
      schedulePlace();
    },
  };
}
