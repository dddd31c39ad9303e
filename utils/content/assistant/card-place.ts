/**
 * Where the assistant's card goes: in a corner of the viewport where it covers none of the form's
 * fields (with their labels) and none of its buttons; where no corner is free, the card folds
 * into a small tab in a corner that is, and opens when the user asks. Pure geometry, tested
 * without a layout engine.
 */
import type { Box } from './place-message';

export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

/** Tried in this order: the bottom right is where the card has always been. */
export const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

export interface Size {
  width: number;
  height: number;
}

export interface CardPlace {
  corner: Corner;
  /** No corner can hold the whole card: only the tab is shown there. */
  folded: boolean;
}

/** The box of something of `size` in `corner`, `inset` from the viewport's edges. */
export function cornerBox(corner: Corner, size: Size, viewport: Size, inset: number): Box {
  const left = corner.endsWith('right') ? viewport.width - inset - size.width : inset;
  const top = corner.startsWith('bottom') ? viewport.height - inset - size.height : inset;
  return { left, top, ...size };
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/**
 * The first corner where the card covers nothing of `obstacles` (the form's fields with their
 * labels, its buttons); else the first where the tab does, folded; else the tab where the card has
 * always been (nothing better exists: the form fills every corner).
 */
export function placeCard(card: Size, tab: Size, obstacles: readonly Box[], viewport: Size, inset: number): CardPlace {
  const free = (size: Size) => (corner: Corner) => !obstacles.some((box) => overlaps(cornerBox(corner, size, viewport, inset), box));
  const whole = CORNERS.find(free(card));
  if (whole) return { corner: whole, folded: false };
  return { corner: CORNERS.find(free(tab)) ?? CORNERS[0]!, folded: true };
}
