/**
 * The document and the shadow roots below it, as the detector knows them: MutationObserver and
 * querySelectorAll stop at shadow boundaries, so each root is watched and searched on its own.
 *
 * Only custom elements are looked at as hosts. Frameworks that render into shadow DOM
 * (Lightning Web Components, Lit, Stencil) host it on custom elements, and one native query
 * per root finds them together with the controls: reading `shadowRoot` of every element from a
 * content script would cost several milliseconds on a 10,000-element page. A shadow root that a
 * page script attaches to a plain div or span is therefore not seen.
 */
import { ON_FILE_CUSTOM_TAGS } from './on-file-values';
import type { SearchRoot } from './detected-form';
import type { RootScan } from './scan-root';
import { findWatched, WATCHED_SELECTOR } from './scan-root';
import type { ShadowRootOf } from './shadow-root-access';


/**
 * The common standard tags, most frequent first: the selector engine drops them after a few
 * comparisons, so the query returns custom elements and a few rare tags that the code filters.
 */
const COMMON_TAGS = [
  'div', 'span', 'a', 'td', 'tr', 'li', 'p', 'img', 'path', 'svg', 'g', 'use', 'button', 'input', 'label',
  'option', 'th', 'i', 'b', 'strong', 'em', 'small', 'br', 'ul', 'ol', 'table', 'tbody', 'thead', 'tfoot',
  'section', 'article', 'header', 'footer', 'nav', 'main', 'aside', 'form', 'fieldset', 'legend', 'select',
  'textarea', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'abbr', 'code', 'pre', 'script',
  'style', 'link', 'meta', 'iframe', 'circle', 'rect', 'polygon', 'line', 'polyline', 'ellipse', 'defs',
  'stop', 'title', 'template', 'slot', 'picture', 'source', 'figure', 'figcaption', 'caption', 'colgroup',
  'col', 'sup', 'sub', 'u', 's', 'time', 'mark', 'blockquote', 'canvas', 'noscript', 'output', 'progress',
  'meter', 'details', 'summary', 'dialog', 'menu', 'wbr', 'area', 'map', 'object', 'embed', 'video', 'audio',
  'track', 'q', 'cite', 'dfn', 'kbd', 'samp', 'var', 'del', 'ins', 'data', 'address', 'hgroup', 'search',
  'bdi', 'bdo', 'rp', 'rt', 'ruby', 'base', 'head', 'html', 'body', 'datalist', 'optgroup', 'text', 'tspan',
  'symbol', 'mask', 'pattern', 'image', 'filter', 'marker', 'font', 'center', 'nobr', 'big', 'tt', 'strike',
  'frame', 'frameset', 'param', 'acronym', 'dir', 'marquee',
];

/** Custom elements (and a few rare standard tags, filtered in code). */
export const POSSIBLE_HOST_SELECTOR = `:not(${COMMON_TAGS.join(',')})`;
/** One query finds what a root or an added subtree holds for us: fields, values, hosts, labels. */
const INTEREST_SELECTOR = `${WATCHED_SELECTOR}, ${POSSIBLE_HOST_SELECTOR}, label`;

/** What an added subtree held: its fields and values, and its labels (for the root's label index). */
export interface FoundInSubtree {
  watched: Element[];
  labels: Element[];
}

/** Undefined custom elements get their shadow root later, with no mutation we could observe. */
const MAX_NOT_YET_UPGRADED = 100;

export interface RootRegistry {
  /** Every known root with its last scan (empty until it is scanned). */
  readonly scans: Map<SearchRoot, RootScan>;
  /** Registers `root` (and the roots below it); roots holding fields or values go to `dirty`. */
  adopt(root: SearchRoot, dirty: Set<SearchRoot>): void;
  /** What adopt() found in a newly adopted root (once), to scan it without a second query. */
  takePrefound(root: SearchRoot): ArrayLike<Element> | undefined;
  /**
   * Watches attribute changes (visibility, labels) in `root` and every root above it: where a
   * field's ancestors and labels are. Other shadow roots are watched for added nodes only,
   * which costs a fifth as much per root.
   */
  watchClosely(root: SearchRoot): void;
  /** Looks through an added subtree of a known root (`node` itself included); its fields and values go to `found`. */
  inspect(node: Element, root: SearchRoot, dirty: Set<SearchRoot>, found?: FoundInSubtree): void;
  /** Adopts the shadow roots that undefined custom elements have gained since. */
  recheckUpgrades(dirty: Set<SearchRoot>): void;
  readonly waitingForUpgrade: number;
  forgetUpgrades(): void;
  /**
   * Roots that lost a known field or value go to `dirty`; roots whose host left the page are
   * dropped. Roots with nothing found are checked only when `everyRoot` (a slower sweep).
   * True when a dropped root had fields or values.
   */
  prune(dirty: Set<SearchRoot>, everyRoot: boolean): boolean;
}

/** Shared by every root in which nothing was found (compared by identity). */
export const EMPTY_SCAN: RootScan = { fields: [], values: [] };

export function isCustomElementName(name: string): boolean {
  return name.includes('-');
}

/** The root holding `root`'s host; null for the document. */
function parentRoot(root: SearchRoot): SearchRoot | null {
  return root.nodeType === 9 ? null : ((root as ShadowRoot).host.getRootNode() as SearchRoot);
}

/** `watch(root, false)` observes added nodes; `watch(root, true)` adds attribute changes. */
export function createRootRegistry(
  doc: Document,
  shadowRootOf: ShadowRootOf,
  watch: (root: SearchRoot, closely: boolean) => void,
): RootRegistry {
  const scans = new Map<SearchRoot, RootScan>();
  const notYetUpgraded = new Set<Element>();
  /** Fields and values a root's adoption query already found, used by its first scan. */
  const prefound = new Map<SearchRoot, ArrayLike<Element>>();
  /** Roots watched for attribute changes too: those with controls and the roots above them. */
  const closely = new Set<SearchRoot>();

  function watchClosely(root: SearchRoot) {
    for (let at: SearchRoot | null = root; at && !closely.has(at); at = parentRoot(at)) {
      closely.add(at);
      watch(at, true);
    }
  }

  /** Reads one element of interest; true when it is a field or value of its root. */
  function consider(element: Element, dirty: Set<SearchRoot>): boolean {
    const name = element.localName;
    if (!isCustomElementName(name)) return element.matches(WATCHED_SELECTOR);
    const shadow = shadowRootOf(element);
    if (shadow) adopt(shadow, dirty);
    else if (notYetUpgraded.size < MAX_NOT_YET_UPGRADED && element.matches(':not(:defined)')) notYetUpgraded.add(element);
    return ON_FILE_CUSTOM_TAGS.has(name);
  }

  /**
   * Searches a new root once: its hosts are adopted, its fields and values kept for its scan.
   * A shadow root (small) takes one query; the document one for hosts and fast single-selector
   * ones for the rest (findWatched).
   */
  function adopt(root: SearchRoot, dirty: Set<SearchRoot>) {
    if (scans.has(root)) return;
    scans.set(root, EMPTY_SCAN);
    const isDocument = root === doc;
    watch(root, false);
    if (isDocument) watchClosely(root);
    const found = root.querySelectorAll(isDocument ? POSSIBLE_HOST_SELECTOR : INTEREST_SELECTOR);
    const inShadow: Element[] = [];
    for (let i = 0; i < found.length; i++) {
      if (consider(found[i]!, dirty) && !isDocument) inShadow.push(found[i]!);
    }
    const watched = isDocument ? findWatched(root) : inShadow;
    if (watched.length > 0) {
      dirty.add(root);
      prefound.set(root, watched);
    }
  }

  return {
    scans,
    adopt,
    takePrefound(root) {
      const found = prefound.get(root);
      prefound.delete(root);
      return found;
    },
    inspect(node, root, dirty, found) {
      let watched = false;
      const read = (element: Element) => {
        if (element.localName === 'label') found?.labels.push(element);
        if (!consider(element, dirty)) return;
        watched = true;
        found?.watched.push(element);
      };
      if (node.matches(INTEREST_SELECTOR)) read(node);
      // Most added subtrees hold nothing for us: querySelector answers that without a list.
      if (node.querySelector(INTEREST_SELECTOR)) {
        const inside = node.querySelectorAll(INTEREST_SELECTOR);
        for (let i = 0; i < inside.length; i++) read(inside[i]!);
      }
      if (watched) dirty.add(root);
    },
    watchClosely,
    recheckUpgrades(dirty) {
      for (const element of notYetUpgraded) {
        const shadow = shadowRootOf(element);
        if (shadow || !element.isConnected) notYetUpgraded.delete(element);
        if (shadow && element.isConnected) adopt(shadow, dirty);
      }
    },
    get waitingForUpgrade() {
      return notYetUpgraded.size;
    },
    forgetUpgrades() {
      notYetUpgraded.clear();
    },
    prune(dirty, everyRoot) {
      let droppedKnown = false;
      for (const [root, scan] of scans) {
        if (scan === EMPTY_SCAN && !everyRoot) continue;
        if (root !== doc && !(root as ShadowRoot).host.isConnected) {
          scans.delete(root);
          closely.delete(root);
          prefound.delete(root);
          dirty.delete(root);
          droppedKnown ||= scan !== EMPTY_SCAN;
          continue;
        }
        const lost =
          scan.fields.some((field) => !field.element.isConnected) || scan.values.some((value) => !value.element.isConnected);
        if (lost) dirty.add(root);
      }
      return droppedKnown;
    },
  };
}
