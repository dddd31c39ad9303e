// @vitest-environment happy-dom
/**
 * What the card keeps clear of: each field grown by room for a label above, the field's linked
 * labels (label[for], aria-labelledby, also in a shadow root), the buttons of the form (in its
 * shadow roots too) and the page's buttons and links; their boxes read again only after
 * `invalidate` (a scroll, a resize) or a change of fields.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createFormObstacles, LABEL_ROOM } from '@/utils/content/assistant/form-obstacles';

const boxes = new Map<Element, { left: number; top: number; width: number; height: number }>();
let reads = 0;

function at<T extends Element>(element: T, box: { left: number; top: number; width: number; height: number }): T {
  boxes.set(element, box);
  element.getBoundingClientRect = () => {
    reads++;
    const b = boxes.get(element)!;
    return { ...b, x: b.left, y: b.top, right: b.left + b.width, bottom: b.top + b.height, toJSON: () => ({}) } as DOMRect;
  };
  return element;
}

afterEach(() => {
  document.body.replaceChildren();
  boxes.clear();
  reads = 0;
});

describe('createFormObstacles', () => {
  it('keeps clear of the fields with room for a label, their linked labels, the form’s buttons in shadow roots and the page’s links', () => {
    document.body.innerHTML = `
      <a href="/s/">Home</a>
      <form>
        <label for="routing">Routing</label><input id="routing">
        <span id="account-label">Account</span><input id="account" aria-labelledby="account-label">
        <x-save></x-save>
      </form>`;
    const save = document.createElement('button');
    document.querySelector('x-save')!.attachShadow({ mode: 'open' }).append(save);
    const home = at(document.querySelector('a')!, { left: 10, top: 5, width: 40, height: 20 });
    const label = at(document.querySelector('label')!, { left: 10, top: 100, width: 80, height: 16 });
    const accountLabel = at(document.getElementById('account-label')!, { left: 10, top: 160, width: 80, height: 16 });
    at(save, { left: 10, top: 240, width: 60, height: 30 });
    const routing = document.getElementById('routing')!;
    const account = document.getElementById('account')!;
    const fieldBoxes = [
      { left: 100, top: 100, width: 200, height: 30 },
      { left: 100, top: 160, width: 200, height: 30 },
    ];
    const obstacles = createFormObstacles();
    const found = obstacles.read([routing, account], fieldBoxes);
    expect(found).toEqual(
      expect.arrayContaining([
        { left: 100, top: 100 - LABEL_ROOM, width: 200, height: 30 + LABEL_ROOM },
        { left: 100, top: 160 - LABEL_ROOM, width: 200, height: 30 + LABEL_ROOM },
        boxes.get(label),
        boxes.get(accountLabel),
        boxes.get(save),
        boxes.get(home),
      ]),
    );
    expect(found).toHaveLength(6);
  });

  it('reads the labels’ and buttons’ boxes again only after invalidate or a change of fields', () => {
    document.body.innerHTML = '<label for="routing">Routing</label><input id="routing"><button>Save</button><input id="account">';
    at(document.querySelector('label')!, { left: 0, top: 0, width: 50, height: 16 });
    const save = at(document.querySelector('button')!, { left: 0, top: 40, width: 50, height: 20 });
    const routing = document.getElementById('routing')!;
    const box = { left: 60, top: 0, width: 100, height: 20 };
    const obstacles = createFormObstacles();
    obstacles.read([routing], [box]);
    const first = reads;
    expect(first).toBeGreaterThan(0);
    obstacles.read([routing], [box]);
    expect(reads).toBe(first);
    boxes.set(save, { left: 0, top: 400, width: 50, height: 20 });
    obstacles.invalidate();
    expect(obstacles.read([routing], [box])).toContainEqual(boxes.get(save));
    const second = reads;
    obstacles.read([routing, document.getElementById('account')!], [box, null]);
    expect(reads).toBeGreaterThan(second);
  });

  it('nothing to keep clear of when no field is shown', () => {
    document.body.innerHTML = '<input id="routing"><button>Save</button>';
    at(document.querySelector('button')!, { left: 0, top: 40, width: 50, height: 20 });
    expect(createFormObstacles().read([document.getElementById('routing')!], [null])).toEqual([]);
  });
});
