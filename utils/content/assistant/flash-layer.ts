/** Brief outlines of the fields a fill just wrote, drawn below the Fill button, never over it. */
import type { Box } from './place-message';

const FLASH_MS = 1200;

export function drawFlash(doc: Document, layer: HTMLElement, r: Box, setTimer: (callback: () => void, ms: number) => unknown): void {
  const box = doc.createElement('div');
  box.className = 'flash';
  Object.assign(box.style, { left: `${r.left - 3}px`, top: `${r.top - 3}px`, width: `${r.width + 6}px`, height: `${r.height + 6}px` });
  layer.append(box);
  setTimer(() => box.remove(), FLASH_MS);
}
