/**
 * Where the assistant's card goes: the first corner (bottom right first) where it covers no
 * obstacle (a field with its label, a button of the form); else folded into its tab, in the
 * first corner free for the tab.
 */
import { describe, expect, it } from 'vitest';
import { cornerBox, placeCard } from '@/utils/content/assistant/card-place';

const VIEWPORT = { width: 800, height: 600 };
const CARD = { width: 300, height: 120 };
const TAB = { width: 124, height: 28 };
const INSET = 16;

describe('cornerBox', () => {
  it('puts a box of the given size in each corner, inset from the edges', () => {
    expect(cornerBox('bottom-right', CARD, VIEWPORT, INSET)).toEqual({ left: 484, top: 464, ...CARD });
    expect(cornerBox('bottom-left', CARD, VIEWPORT, INSET)).toEqual({ left: 16, top: 464, ...CARD });
    expect(cornerBox('top-right', CARD, VIEWPORT, INSET)).toEqual({ left: 484, top: 16, ...CARD });
    expect(cornerBox('top-left', CARD, VIEWPORT, INSET)).toEqual({ left: 16, top: 16, ...CARD });
  });
});

describe('placeCard', () => {
  it('stays in the bottom right corner when nothing is there', () => {
    expect(placeCard(CARD, TAB, [{ left: 100, top: 100, width: 300, height: 30 }], VIEWPORT, INSET)).toEqual({ corner: 'bottom-right', folded: false });
  });

  it('moves to the next free corner when a field (with its label) is in the bottom right one', () => {
    const rightColumn = { left: 420, top: 420, width: 360, height: 60 };
    expect(placeCard(CARD, TAB, [rightColumn], VIEWPORT, INSET)).toEqual({ corner: 'bottom-left', folded: false });
    const bottomRow = { left: 0, top: 500, width: 800, height: 40 };
    expect(placeCard(CARD, TAB, [bottomRow], VIEWPORT, INSET)).toEqual({ corner: 'top-right', folded: false });
  });

  it('a button counts as much as a field: touching the card by one pixel is covering it', () => {
    const save = { left: 483, top: 583, width: 80, height: 30 };
    expect(placeCard(CARD, TAB, [save], VIEWPORT, INSET).corner).toBe('bottom-left');
    const beside = { left: 400, top: 583, width: 84, height: 30 };
    expect(placeCard(CARD, TAB, [beside], VIEWPORT, INSET).corner).toBe('bottom-right');
  });

  it('folds into its tab where every corner would cover something, in the first corner free for the tab', () => {
    // A form as wide as the viewport, reaching the card's height from the top and from the bottom, its last row ending above the tab.
    const form = [
      { left: 20, top: 120, width: 760, height: 300 },
      { left: 20, top: 430, width: 760, height: 60 },
    ];
    expect(placeCard(CARD, TAB, form, VIEWPORT, INSET)).toEqual({ corner: 'bottom-right', folded: true });
    // The tab cannot go bottom right either (a Save button there): bottom left is free for it.
    const save = { left: 660, top: 550, width: 100, height: 34 };
    expect(placeCard(CARD, TAB, [...form, { left: 20, top: 40, width: 760, height: 60 }, save], VIEWPORT, INSET)).toEqual({ corner: 'bottom-left', folded: true });
  });

  it('with no corner free even for the tab, the tab goes where the card has always been', () => {
    expect(placeCard(CARD, TAB, [{ left: 0, top: 0, ...VIEWPORT }], VIEWPORT, INSET)).toEqual({ corner: 'bottom-right', folded: true });
  });
});
