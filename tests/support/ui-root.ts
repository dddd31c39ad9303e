/**
 * A handle on the assistant's closed shadow root for DOM tests: page code cannot reach it (that
 * is the point), so a test spies on attachShadow to read what the UI draws. Call in beforeEach;
 * vi.restoreAllMocks() in afterEach undoes the spy.
 */
import { vi } from 'vitest';
import { UI_HOST_TAG } from '@/utils/content/ui-host';

export function captureUiRoot(): () => ShadowRoot | undefined {
  let root: ShadowRoot | undefined;
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const shadow = attach.call(this, init);
    if (this.localName === UI_HOST_TAG) root = shadow;
    return shadow;
  });
  return () => root;
}
