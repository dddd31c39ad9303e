/**
 * Where a field's message box goes: beside the field, never over it nor over another field of
 * the form. Pure geometry, so it is tested without a layout engine.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const GAP = 6;

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

type Spot = { left: number; top: number };
type Size = { width: number; height: number };

/** The first spot where a box of `size` fits in the viewport's width without covering a field. */
function firstFreeSpot(candidates: readonly Spot[], size: Size, fields: readonly Box[], viewport: Size): Spot | undefined {
  return candidates.find((spot) => {
    const box = { ...spot, ...size };
    const fits = box.left >= 0 && box.top >= 0 && box.left + box.width <= viewport.width;
    return fits && !fields.some((other) => overlaps(box, other));
  });
}

/**
 * Where a field's chip goes: above the field's right end, as most forms leave room there; in a
 * dense form (rows closer than a chip's height, a Visualforce or SAP table) that would cover the
 * field above, so it goes right of the field instead, or left of it.
 */
export function placeChip(
  field: Box,
  size: Size,
  fields: readonly Box[],
  viewport: Size,
): Spot {
  const middle = field.top + (field.height - size.height) / 2;
  const candidates = [
    { left: field.left + field.width - size.width, top: field.top - size.height - 2 },
    { left: field.left + field.width + GAP, top: middle },
    { left: field.left - size.width - GAP, top: middle },
  ];
  return firstFreeSpot(candidates, size, fields, viewport) ?? candidates[0]!;
}

/** Right of the field, else below it, else above it; the first that covers no field and fits. */
export function placeMessage(
  field: Box,
  size: Size,
  fields: readonly Box[],
  viewport: Size,
): Spot {
  const candidates = [
    { left: field.left + field.width + GAP, top: field.top },
    { left: field.left, top: field.top + field.height + GAP / 2 },
    { left: field.left, top: field.top - size.height - 22 },
  ];
  return firstFreeSpot(candidates, size, fields, viewport) ?? candidates[1]!;
}
