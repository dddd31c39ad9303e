/**
 * Small badges beside recognised fields, drawn in a closed shadow root so page scripts can
 * neither read nor restyle them. Badges sit just above the field's right end and never cover it.
 */
import type { BadgedField, FieldBadges } from '../utils/content/detected-form';
import { FIELD_LABELS } from '@/utils/detection/field-kind-labels';
import { placeBadge, unionBox, type EdgeBox } from './badge-placement';
import { UI_HOST_TAG } from '../utils/content/ui-host';

/** 11px system-ui bold: about 6.5px a character, plus padding and border. */
function estimatedWidth(text: string): number {
  return Math.ceil(text.length * 6.5) + 14;
}

export { UI_HOST_TAG };

const STYLE = `
  :host { all: initial; }
  .layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; }
  .badge {
    position: fixed; max-width: 220px; padding: 2px 6px; border-radius: 10px;
    font: 600 11px/16px system-ui, sans-serif; color: #0b3d1a; background: #d7f5df;
    border: 1px solid #2e8540; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  }
  .grows-left { transform: translateX(-100%); }
`;

export function createFieldBadges(doc: Document, signal: AbortSignal): FieldBadges {
  const host = doc.createElement(UI_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const layer = doc.createElement('div');
  layer.className = 'layer';
  shadow.append(style, layer);
  let fields: readonly BadgedField[] = [];
  let framePending = false;

  /** All boxes are read before anything is written, so layout is computed once at most. */
  function place() {
    framePending = false;
    const boxes = fields.map(({ anchors }) =>
      unionBox(anchors.filter((anchor) => anchor.isConnected).map((anchor) => anchor.getBoundingClientRect())),
    );
    const taken = boxes.filter((box): box is EdgeBox => box !== null);
    const badges: HTMLElement[] = [];
    fields.forEach(({ kind }, i) => {
      const box = boxes[i];
      if (!box) return;
      const text = `✓ ${FIELD_LABELS[kind]}`;
      const spot = placeBadge(box, taken.filter((other) => other !== box), estimatedWidth(text), fields[i]!.anchors.length > 1);
      const badge = doc.createElement('div');
      badge.className = spot.alignRight ? 'badge grows-left' : 'badge';
      badge.textContent = text;
      badge.style.left = `${Math.round(spot.left)}px`;
      badge.style.top = `${Math.round(spot.top)}px`;
      badges.push(badge);
    });
    layer.replaceChildren(...badges);
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
      if (next.length === 0 && fields.length === 0) return;
      fields = next;
      // Called when layout is fresh: place now, then attach (attaching dirties layout).
      place();
      if (fields.length > 0 && !host.isConnected) doc.documentElement.append(host);
    },
  };
}
