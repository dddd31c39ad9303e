// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isFieldVisible } from '@/utils/content/field-visibility';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

function box(left: number, top: number, width: number, height: number): DOMRect {
  return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) } as DOMRect;
}

/** An input with a layout box (happy-dom has no layout) and a 1280×800 page. */
function fieldAt(rect: DOMRect, html = '<input id="f">'): HTMLElement {
  document.body.innerHTML = html;
  const field = document.getElementById('f')!;
  vi.spyOn(field, 'getBoundingClientRect').mockReturnValue(rect);
  vi.spyOn(document.documentElement, 'scrollWidth', 'get').mockReturnValue(1280);
  vi.spyOn(document.documentElement, 'scrollHeight', 'get').mockReturnValue(800);
  return field;
}

describe('isFieldVisible', () => {
  it('accepts a field with a box on the page', () => {
    expect(isFieldVisible(fieldAt(box(100, 200, 240, 32)))).toBe(true);
  });

  it('rejects hidden inputs and the hidden attribute', () => {
    expect(isFieldVisible(fieldAt(box(100, 200, 240, 32), '<input id="f" type="hidden">'))).toBe(false);
    expect(isFieldVisible(fieldAt(box(100, 200, 240, 32), '<input id="f" hidden>'))).toBe(false);
  });

  it('rejects what checkVisibility says is not rendered (display:none, visibility:hidden)', () => {
    const field = fieldAt(box(100, 200, 240, 32));
    const check = vi.fn(() => false);
    Object.assign(field, { checkVisibility: check });
    expect(isFieldVisible(field)).toBe(false);
    expect(check).toHaveBeenCalledWith(expect.objectContaining({ visibilityProperty: true, checkVisibilityCSS: true }));
  });

  it('rejects fields inside a closed <details>, not its summary', () => {
    expect(isFieldVisible(fieldAt(box(100, 200, 240, 32), '<details><summary>More</summary><input id="f"></details>'))).toBe(false);
    expect(isFieldVisible(fieldAt(box(100, 200, 240, 32), '<details open><summary>More</summary><input id="f"></details>'))).toBe(true);
    expect(isFieldVisible(fieldAt(box(100, 200, 240, 32), '<details><summary><input id="f"></summary></details>'))).toBe(true);
  });

  it('rejects zero-size fields', () => {
    expect(isFieldVisible(fieldAt(box(100, 200, 0, 32)))).toBe(false);
    expect(isFieldVisible(fieldAt(box(100, 200, 240, 0)))).toBe(false);
  });

  it('rejects fields entirely outside the scrollable page (left:-9999px)', () => {
    expect(isFieldVisible(fieldAt(box(-9999, 0, 240, 32)))).toBe(false);
    expect(isFieldVisible(fieldAt(box(100, -500, 240, 32)))).toBe(false);
    expect(isFieldVisible(fieldAt(box(5000, 200, 240, 32)))).toBe(false);
    // Partly on the page still counts.
    expect(isFieldVisible(fieldAt(box(-100, 200, 240, 32)))).toBe(true);
  });
});
