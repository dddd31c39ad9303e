/**
 * Where a field's badge goes: just above the field's right end, or, where another field sits
 * there (table rows, tight grids), to its right, else below. Never over any recognised field.
 */

export interface EdgeBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface BadgeSpot {
  left: number;
  top: number;
  /** The badge's right edge is at `left` (it grows leftwards). */
  alignRight: boolean;
}

export const BADGE_HEIGHT = 18;
export const BADGE_MAX_WIDTH = 220;
const GAP = 2;

function overlaps(a: EdgeBox, b: EdgeBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Smallest box holding all of `boxes` (a radio group's radios and labels). */
export function unionBox(boxes: readonly EdgeBox[]): EdgeBox | null {
  const real = boxes.filter((box) => box.right > box.left && box.bottom > box.top);
  if (real.length === 0) return null;
  return {
    left: Math.min(...real.map((box) => box.left)),
    top: Math.min(...real.map((box) => box.top)),
    right: Math.max(...real.map((box) => box.right)),
    bottom: Math.max(...real.map((box) => box.bottom)),
  };
}

/**
 * `preferRight` for a row of choices (radio group): its legend is right above it, and the rest
 * of its row is usually free.
 */
export function placeBadge(field: EdgeBox, others: readonly EdgeBox[], badgeWidth = BADGE_MAX_WIDTH, preferRight = false): BadgeSpot {
  const width = Math.min(badgeWidth, BADGE_MAX_WIDTH);
  const middle = Math.round((field.top + field.bottom - BADGE_HEIGHT) / 2);
  const candidates: [BadgeSpot, EdgeBox][] = [
    [
      { left: field.right, top: field.top - BADGE_HEIGHT - GAP, alignRight: true },
      { left: field.right - width, top: field.top - BADGE_HEIGHT - GAP, right: field.right, bottom: field.top },
    ],
    [
      { left: field.right + 4 * GAP, top: middle, alignRight: false },
      { left: field.right + 4 * GAP, top: middle, right: field.right + 4 * GAP + width, bottom: middle + BADGE_HEIGHT },
    ],
    [
      { left: field.right, top: field.bottom + GAP, alignRight: true },
      { left: field.right - width, top: field.bottom + GAP, right: field.right, bottom: field.bottom + GAP + BADGE_HEIGHT },
    ],
  ];
  if (preferRight) candidates.unshift(candidates.splice(1, 1)[0]!);
  for (const [spot, area] of candidates) {
    if (!others.some((other) => overlaps(area, other))) return spot;
  }
  return candidates[0]![0];
}
