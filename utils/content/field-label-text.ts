/**
 * The words a page gives a form field: label[for] in the field's own (shadow) root, a wrapping
 * label, aria-label and aria-labelledby. Runs in the content script.
 */
export function fieldLabelText(field: HTMLElement): string {
  const parts: string[] = [];
  const root = field.getRootNode() as Document | ShadowRoot;
  if (field.id) {
    for (const label of root.querySelectorAll<HTMLLabelElement>('label[for]')) {
      if (label.htmlFor === field.id) parts.push(label.textContent ?? '');
    }
  }
  const wrapping = field.closest('label');
  if (wrapping) parts.push(wrapping.textContent ?? '');
  const ariaLabel = field.getAttribute('aria-label');
  if (ariaLabel) parts.push(ariaLabel);
  for (const id of (field.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
    const labelledBy = root.getElementById?.(id) ?? null;
    if (labelledBy) parts.push(labelledBy.textContent ?? '');
  }
  return parts.join(' ');
}
