/**
 * Where the profile picker's frame goes: below the field it was opened from when it fits, else
 * above, else beside it (right, then left), never over the field; inside the viewport, shortened
 * in a short one; without a field, the bottom-right corner.
 */
import { describe, expect, it } from 'vitest';
import { PICKER_SIZE, pickerSpot } from '@/utils/content/assistant/picker-frame';

const VIEWPORT = { width: 1280, height: 900 };
const GAP = 6;
const H = PICKER_SIZE.height;
const field = (left: number, top: number, width = 360, height = 30) => ({ left, top, right: left + width, bottom: top + height });
const overlaps = (spot: { left: number; top: number; height: number }, box: ReturnType<typeof field>) =>
  spot.left < box.right && box.left < spot.left + PICKER_SIZE.width && spot.top < box.bottom && box.top < spot.top + spot.height;

describe('pickerSpot', () => {
  it('goes below the anchor, at its left edge, when it fits', () => {
    expect(pickerSpot(field(200, 100), VIEWPORT)).toEqual({ left: 200, top: 130 + GAP, height: H });
  });

  it('goes below when it fits exactly to the bottom edge, though there is room above too', () => {
    const tall = { width: 1280, height: 1000 };
    const bottom = tall.height - H - GAP;
    expect(pickerSpot(field(10, bottom - 30), tall)).toEqual({ left: 10, top: bottom + GAP, height: H });
  });

  it('goes above the anchor when there is no room below but room above', () => {
    const spot = pickerSpot(field(300, 700), VIEWPORT);
    expect(spot).toEqual({ left: 300, top: 700 - GAP - H, height: H });
  });

  it('one pixel too low for below, with room above: above', () => {
    const tall = { width: 1280, height: 1000 };
    const bottom = tall.height - H - GAP + 1;
    expect(pickerSpot(field(10, bottom - 30), tall).top).toBe(bottom - 30 - GAP - H);
  });

  it('with room neither below nor above, goes right of the field, level with it, never over it', () => {
    const frameView = { width: 1100, height: 640 };
    const routing = field(16, 200, 360, 32);
    const spot = pickerSpot(routing, frameView);
    expect(spot).toEqual({ left: routing.right + GAP, top: 200, height: H });
    expect(overlaps(spot, routing)).toBe(false);
  });

  it('then left of it, when the field is at the right edge', () => {
    const routing = field(700, 200, 360, 32);
    const spot = pickerSpot(routing, { width: 1100, height: 640 });
    expect(spot).toEqual({ left: 700 - GAP - PICKER_SIZE.width, top: 200, height: H });
    expect(overlaps(spot, routing)).toBe(false);
  });

  it('beside the field, stays inside the viewport vertically', () => {
    const spot = pickerSpot(field(16, 300, 360, 32), { width: 1100, height: 640 });
    expect(spot).toEqual({ left: 16 + 360 + GAP, top: 640 - H, height: H });
  });

  it('shortens itself to a short viewport, not below a usable height', () => {
    expect(pickerSpot(field(16, 20), { width: 1100, height: 360 }).height).toBe(360 - 2 * GAP);
    expect(pickerSpot(field(16, 20), { width: 1100, height: 100 }).height).toBe(220);
  });

  it('clamps the left edge into the viewport', () => {
    expect(pickerSpot(field(1200, 100, 60), VIEWPORT).left).toBe(VIEWPORT.width - PICKER_SIZE.width);
    expect(pickerSpot(field(-50, 100), VIEWPORT).left).toBe(0);
  });

  it('an anchor scrolled above the viewport: the frame still starts at the top edge or lower', () => {
    const spot = pickerSpot(field(20, -400), VIEWPORT);
    expect(spot.top).toBe(0);
  });

  it('a viewport smaller than the frame every way: at the left edge, shortened, its bottom at the viewport’s', () => {
    expect(pickerSpot(field(100, 50, 100), { width: 300, height: 300 })).toEqual({ left: 0, top: 12, height: 300 - 2 * GAP });
  });

  it('without an anchor, the bottom-right corner, 16 px in', () => {
    expect(pickerSpot(undefined, VIEWPORT)).toEqual({ left: VIEWPORT.width - PICKER_SIZE.width - 16, top: VIEWPORT.height - H - 16, height: H });
    expect(pickerSpot(undefined, { width: 200, height: 200 })).toMatchObject({ left: 0, top: 0 });
  });

  it('takes another size', () => {
    const size = { width: 100, height: 100 };
    expect(pickerSpot(field(350, 150, 40, 20), { width: 400, height: 200 }, size)).toEqual({ left: 300, top: 150 - GAP - 100, height: 100 });
    expect(pickerSpot(field(0, 20, 40, 20), { width: 400, height: 200 }, size)).toEqual({ left: 0, top: 40 + GAP, height: 100 });
  });
});
