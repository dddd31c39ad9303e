/**
 * The background's answer to a question about what is being typed, asked once the typing has
 * settled (`delayMs` after the last change of `deps`); answers that come after `deps` changed
 * again are dropped. A failed question answers nothing: these answers only help, the form's own
 * checks still stand.
 */
import { useEffect, useState } from 'preact/hooks';

/** The latest answer and the key it answers, or undefined; callers show it while `key` still matches. */
export function useSettledAnswer<K, T>(
  key: K | undefined,
  ask: (key: K) => Promise<T>,
  delayMs: number,
  deps: readonly unknown[],
): { readonly key: K; readonly answer: T } | undefined {
  const [found, setFound] = useState<{ key: K; answer: T } | undefined>();
  useEffect(() => {
    if (key === undefined) return;
    let current = true;
    const timer = setTimeout(() => {
      ask(key).then(
        (answer) => current && setFound({ key, answer }),
        () => current && setFound(undefined),
      );
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, deps);
  return found;
}
