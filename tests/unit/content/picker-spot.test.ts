/**
 * Where the profile picker's frame goes: below the field it was opened from when it fits, else
 * above, always inside the viewport; without a field, the bottom-right corner.
 */
import { describe, expect, it } from 'vitest';
import { PICKER_SIZE, pickerSpot } from '@/utils/content/assistant/picker-frame';

const VIEWPORT = { width: 1280, height: 900 };
const GAP = 6;

describe('pickerSpot', () => {
  it('goes below the anchor, at its left edge, when it fits', () => {
    expect(pickerSpot({ left: 200, top: 100, bottom: 130 }, VIEWPORT)).toEqual({ left: 200, top: 130 + GAP });
  });

  it('goes below when it fits exactly to the bottom edge, though there is room above too', () => {
    const tall = { width: 1280, height: 1000 };
    const bottom = tall.height - PICKER_SIZE.height - GAP;
    expect(bottom - 30 - GAP - PICKER_SIZE.height).toBeGreaterThanOrEqual(0);
    expect(pickerSpot({ left: 10, top: bottom - 30, bottom }, tall)).toEqual({ left: 10, top: bottom + GAP });
  });

  it('goes above the anchor when there is no room below but room above', () => {
    const spot = pickerSpot({ left: 300, top: 700, bottom: 730 }, VIEWPORT);
    expect(spot).toEqual({ left: 300, top: 700 - GAP - PICKER_SIZE.height });
    expect(spot.top + PICKER_SIZE.height).toBeLessThanOrEqual(700);
  });

  it('one pixel too low for below, with room above: above', () => {
    const tall = { width: 1280, height: 1000 };
    const bottom = tall.height - PICKER_SIZE.height - GAP + 1;
    expect(pickerSpot({ left: 10, top: bottom - 30, bottom }, tall).top).toBe(bottom - 30 - GAP - PICKER_SIZE.height);
  });

  it('with room neither below nor above, stays inside the viewport', () => {
    const small = { width: 800, height: 500 };
    const spot = pickerSpot({ left: 100, top: 200, bottom: 230 }, small);
    expect(spot).toEqual({ left: 100, top: small.height - PICKER_SIZE.height });
  });

  it('clamps the left edge into the viewport', () => {
    expect(pickerSpot({ left: 1200, top: 100, bottom: 130 }, VIEWPORT).left).toBe(VIEWPORT.width - PICKER_SIZE.width);
    expect(pickerSpot({ left: -50, top: 100, bottom: 130 }, VIEWPORT).left).toBe(0);
  });

  it('an anchor scrolled above the viewport: the frame still starts at the top edge or lower', () => {
    const spot = pickerSpot({ left: 20, top: -400, bottom: -370 }, VIEWPORT);
    expect(spot.top).toBeGreaterThanOrEqual(0);
    expect(spot.top).toBe(0);
  });

  it('a viewport smaller than the frame: pinned to the top-left corner', () => {
    expect(pickerSpot({ left: 100, top: 50, bottom: 80 }, { width: 300, height: 300 })).toEqual({ left: 0, top: 0 });
  });

  it('without an anchor, the bottom-right corner, 16 px in', () => {
    expect(pickerSpot(undefined, VIEWPORT)).toEqual({
      left: VIEWPORT.width - PICKER_SIZE.width - 16,
      top: VIEWPORT.height - PICKER_SIZE.height - 16,
    });
    expect(pickerSpot(undefined, { width: 200, height: 200 })).toEqual({ left: 0, top: 0 });
  });

  it('takes another size', () => {
    const size = { width: 100, height: 100 };
    expect(pickerSpot({ left: 350, top: 150, bottom: 170 }, { width: 400, height: 200 }, size)).toEqual({ left: 300, top: 150 - GAP - 100 });
    expect(pickerSpot({ left: 0, top: 20, bottom: 40 }, { width: 400, height: 200 }, size)).toEqual({ left: 0, top: 40 + GAP });
  });
});
