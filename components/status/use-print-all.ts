/**
 * Printing the status page: every row of the view is drawn first, then the print dialog opens.
 * "Print summary" draws and then calls print; the browser's own Print (Ctrl+P) is caught by
 * beforeprint, whose render Preact runs in the microtask after the event, before the page is laid
 * out for print; afterprint goes back to the first rows.
 */
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';

export function usePrintAll(print: () => void): { readonly active: boolean; readonly print: () => void } {
  const [state, setState] = useState<'idle' | 'button' | 'browser'>('idle');

  useEffect(() => {
    if (state !== 'button') return;
    // Every row is in the DOM now (this effect runs after that render).
    print();
    setState('idle');
  }, [state]);

  // Listening from the first render on: Ctrl+P may come at once.
  useLayoutEffect(() => {
    const before = () => setState((current) => (current === 'idle' ? 'browser' : current));
    const after = () => setState((current) => (current === 'browser' ? 'idle' : current));
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  return { active: state !== 'idle', print: () => setState('button') };
}
