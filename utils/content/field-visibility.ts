/**
 * Whether a field is part of the form the user sees. Hidden inputs, display:none or
 * visibility:hidden, the `hidden` attribute, closed <details>, zero size and boxes entirely
 * outside the page's scrollable area (left:-9999px) are decoys, not the form.
 */

export type VisibilityCheck = (element: Element) => boolean;

interface VisibilityOptions {
  checkVisibilityCSS?: boolean;
  visibilityProperty?: boolean;
  contentVisibilityAuto?: boolean;
}

function insideClosedDetails(element: Element): boolean {
  const details = element.closest('details:not([open])');
  if (!details) return false;
  const summary = element.closest('summary');
  return !(summary && summary.parentElement === details);
}

export const isFieldVisible: VisibilityCheck = (element) => {
  if (element.hasAttribute('hidden')) return false;
  if (element.localName === 'input' && (element as HTMLInputElement).type === 'hidden') return false;
  const check = (element as Element & { checkVisibility?: (options: VisibilityOptions) => boolean }).checkVisibility;
  if (typeof check === 'function' && !check.call(element, { checkVisibilityCSS: true, visibilityProperty: true })) {
    return false;
  }
  if (insideClosedDetails(element)) return false;
  const rect = element.getBoundingClientRect();
  if (rect.width < 1 || rect.height < 1) return false;
  const doc = element.ownerDocument;
  const view = doc.defaultView;
  const scrollX = view?.scrollX ?? 0;
  const scrollY = view?.scrollY ?? 0;
  const page = doc.documentElement;
  const width = Math.max(page.scrollWidth, page.clientWidth);
  const height = Math.max(page.scrollHeight, page.clientHeight);
  const left = rect.left + scrollX;
  const top = rect.top + scrollY;
  return rect.right + scrollX > 0 && rect.bottom + scrollY > 0 && left < width && top < height;
};
