/**
 * When the field detector reads visibility: after the browser's own next layout, so reading
 * boxes costs nothing extra. Frames that do not render (background tabs, hidden iframes) fall
 * back to a timer.
 */
const LAYOUT_FALLBACK_MS = 100;

export type AfterLayout = (callback: () => void) => void;

export function afterNextLayout(setTimer: (callback: () => void, ms: number) => unknown): AfterLayout {
  return (callback) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      callback();
    };
    requestAnimationFrame(() => setTimer(once, 0));
    setTimer(once, LAYOUT_FALLBACK_MS);
  };
}
