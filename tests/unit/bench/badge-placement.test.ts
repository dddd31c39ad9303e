import { describe, expect, it } from 'vitest';
import { BADGE_HEIGHT, placeBadge, unionBox, type EdgeBox } from '@/bench/badge-placement';

const box = (left: number, top: number, width: number, height: number): EdgeBox => ({ left, top, right: left + width, bottom: top + height });

describe('placeBadge', () => {
  it('puts the badge above the right end of the field, on the label row', () => {
    expect(placeBadge(box(10, 100, 360, 32), [box(400, 100, 360, 32)], 120)).toEqual({
      left: 370,
      top: 100 - BADGE_HEIGHT - 2,
      alignRight: true,
    });
  });

  it('moves it to the right when the field above would be covered (table rows)', () => {
    const above = box(210, 185, 196, 32);
    const field = box(210, 231, 196, 32);
    const spot = placeBadge(field, [above], 120);
    expect(spot).toEqual({ left: 414, top: 238, alignRight: false });
  });

  it('puts it below when both above and right are taken', () => {
    const field = box(100, 100, 200, 30);
    const spot = placeBadge(field, [box(100, 60, 200, 30), box(310, 100, 200, 30)], 120);
    expect(spot).toEqual({ left: 300, top: 132, alignRight: true });
  });

  it('never lands on the field itself', () => {
    const field = box(100, 100, 200, 30);
    const spot = placeBadge(field, [], 120);
    expect(spot.top + BADGE_HEIGHT).toBeLessThanOrEqual(field.top);
  });
});

describe('unionBox', () => {
  it('spans a radio group: radios and their labels', () => {
    expect(unionBox([box(20, 300, 13, 13), box(40, 298, 60, 17), box(130, 300, 13, 13), box(150, 298, 55, 17)])).toEqual({
      left: 20,
      top: 298,
      right: 205,
      bottom: 315,
    });
  });

  it('ignores empty boxes and has none for nothing', () => {
    expect(unionBox([box(0, 0, 0, 0)])).toBeNull();
    expect(unionBox([])).toBeNull();
  });
});

describe('radio groups', () => {
  it('prefer the free end of their row to the legend above them', () => {
    const group = box(20, 296, 185, 19);
    expect(placeBadge(group, [box(210, 231, 196, 32)], 110, true)).toEqual({ left: 213, top: 297, alignRight: false });
  });
});
