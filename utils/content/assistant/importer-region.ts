/**
 * Watches the part of the page that showed the importer's number, so the number is read again
 * only when that part changes (another importer's record opened in place, the header re-drawn),
 * not by reading the whole page on a timer.
 */

/** The container that holds a number and the words around it. */
const REGION = 'section, article, header, aside, fieldset, dialog, table, [role=region], [role=dialog], [role=banner], [role=group]';
/** A region that keeps changing (a clock, a ticker) is read again once a second at most. */
const REREAD_MS = 1000;
const OBSERVED: MutationObserverInit = { childList: true, characterData: true, subtree: true };

export interface ImporterRegionOptions {
  readonly signal: AbortSignal;
  readonly setTimeout: (callback: () => void, ms: number) => unknown;
  /** The region changed: read the importer again. */
  readonly onChange: () => void;
}

export interface ImporterRegion {
  /** Watches the regions around `elements` (the number's elements just found) instead of the last ones. */
  watch(elements: readonly Element[]): void;
}

/** The container around a number's element: its section or card, else two levels up. */
function regionOf(element: Element): Node {
  const region = element.closest(REGION);
  if (region) return region;
  const parent = element.parentElement?.parentElement ?? element.parentNode;
  return parent ?? element;
}

export function watchImporterRegion(options: ImporterRegionOptions): ImporterRegion {
  let pending = false;
  const observer = new MutationObserver(() => {
    if (pending || options.signal.aborted) return;
    pending = true;
    options.setTimeout(() => {
      pending = false;
      if (!options.signal.aborted) options.onChange();
    }, REREAD_MS);
  });
  options.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return {
    watch(elements) {
      observer.disconnect();
      if (options.signal.aborted) return;
      const regions = new Set(elements.map(regionOf));
      for (const region of regions) observer.observe(region, OBSERVED);
    },
  };
}
