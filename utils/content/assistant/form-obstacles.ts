/**
 * What the assistant's card must leave uncovered: each recognised field with its label, the
 * buttons of the form (Save, a pencil…, also inside shadow roots) and the page's other buttons and
 * links (Get Info/Refresh, the menus). Read at the start of an animation frame, with the fields'
 * boxes and before any write of ours, so it forces no extra layout. Which elements to read is
 * worked out again only when the set of fields changes; their boxes are read again only after a
 * scroll, a resize or a change of fields, not at every keystroke's frame.
 */
import type { Box } from './place-message';

/** Room kept above a field for a label the page does not link to it (a text above, a column header). */
export const LABEL_ROOM = 24;

const BUTTONS = 'button, input[type="submit"], input[type="button"], [role="button"], lightning-button';
const PAGE_CONTROLS = `${BUTTONS}, a[href]`;

/** The parent across shadow boundaries: a root's parent is its host. */
function composedParent(node: Node): Node | null {
  const parent = node.parentNode;
  return parent && parent.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : parent;
}

/** The innermost element or root holding every field: the form, where its buttons are. */
function commonContainer(fields: readonly HTMLElement[]): ParentNode | null {
  if (fields.length === 0) return null;
  const chain: Node[] = [];
  for (let node: Node | null = fields[0]!; node; node = composedParent(node)) chain.push(node);
  let at = 0;
  for (const field of fields.slice(1)) {
    const ancestors = new Set<Node>();
    for (let node: Node | null = field; node; node = composedParent(node)) ancestors.add(node);
    while (at < chain.length && !ancestors.has(chain[at]!)) at++;
  }
  // A field is no container: the form is at least its parent.
  const found = chain[at] === fields[0] && fields.length === 1 ? composedParent(fields[0]!) : chain[at];
  return (found as ParentNode | undefined) ?? null;
}

/** The elements that label `field`: label[for] or a wrapping label, and aria-labelledby. */
function labelsOf(field: HTMLElement): Element[] {
  const found: Element[] = [...((field as HTMLInputElement).labels ?? [])];
  const ids = field.getAttribute('aria-labelledby')?.split(/\s+/).filter(Boolean) ?? [];
  const root = field.getRootNode() as Document | ShadowRoot;
  for (const id of ids) {
    const label = root.getElementById?.(id);
    if (label && label !== field) found.push(label);
  }
  return found;
}

/** `selector`'s matches in `root` and in the open shadow roots inside it (the form's own, once per change of fields). */
function queryDeep(root: ParentNode, selector: string): Element[] {
  const found: Element[] = [...root.querySelectorAll(selector)];
  for (const element of root.querySelectorAll('*')) if (element.shadowRoot) found.push(...queryDeep(element.shadowRoot, selector));
  return found;
}

function boxOf(element: Element): Box | null {
  const r = element.getBoundingClientRect();
  return r.width > 0 && r.height > 0 ? { left: r.left, top: r.top, width: r.width, height: r.height } : null;
}

export interface FormObstacles {
  /** The boxes to keep clear: `boxes[i]` is `fields[i]`'s box (null: not shown). Reads layout only. */
  read(fields: readonly HTMLElement[], boxes: readonly (Box | null)[]): Box[];
  /** The page moved (scroll, resize): labels and buttons are read again at the next `read`. */
  invalidate(): void;
}

export function createFormObstacles(): FormObstacles {
  let known: readonly HTMLElement[] = [];
  let labels: Element[] = [];
  let buttons: Element[] = [];
  let read: Box[] | undefined;

  function learn(fields: readonly HTMLElement[]) {
    known = [...fields];
    labels = fields.flatMap(labelsOf);
    const container = commonContainer(fields);
    const doc = fields[0]?.ownerDocument;
    buttons = [...new Set([...(container ? queryDeep(container, BUTTONS) : []), ...(doc?.querySelectorAll(PAGE_CONTROLS) ?? [])])];
    read = undefined;
  }

  return {
    read(fields, boxes) {
      if (fields.length !== known.length || fields.some((field, i) => field !== known[i])) learn(fields);
      const found: Box[] = [];
      boxes.forEach((box) => box && found.push({ left: box.left, top: box.top - LABEL_ROOM, width: box.width, height: box.height + LABEL_ROOM }));
      if (found.length === 0) return found;
      read ??= [...labels, ...buttons].flatMap((element) => {
        const box = element.isConnected ? boxOf(element) : null;
        return box ? [box] : [];
      });
      return [...found, ...read];
    },
    invalidate() {
      read = undefined;
    },
  };
}
