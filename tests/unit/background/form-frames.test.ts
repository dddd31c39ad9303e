/**
 * The frames of each tab that show a bank form (utils/background/form-frames.ts): every frame
 * of a page reports at once, none is lost; the top frame comes first; a frame that no longer
 * shows the form and a closed tab are dropped; the list outlives the worker in storage.session.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFormFrames } from '@/utils/background/form-frames';
import type { SessionArea } from '@/utils/background/vault-session';

beforeEach(() => {
  fakeBrowser.reset();
});

const area = () => fakeBrowser.storage.session;

describe('form frames', () => {
  it('keeps every one of concurrent reports of one tab, the top frame first', async () => {
    const frames = createFormFrames(area());
    await Promise.all([5, 3, 0, 9, 2].map((frameId) => frames.report(7, frameId, true)));
    expect(await frames.of(7)).toEqual([0, 5, 3, 9, 2]);
    expect(await frames.of(8)).toEqual([]);
  });

  it('answers what was reported even while reports are under way', async () => {
    const frames = createFormFrames(area());
    void frames.report(7, 4, true);
    void frames.report(7, 0, true);
    expect(await frames.of(7)).toEqual([0, 4]);
  });

  it('does not repeat a frame and drops one that no longer shows the form', async () => {
    const frames = createFormFrames(area());
    await frames.report(7, 3, true);
    await frames.report(7, 3, true);
    await frames.report(7, 0, true);
    expect(await frames.of(7)).toEqual([0, 3]);
    await frames.report(7, 0, false);
    expect(await frames.of(7)).toEqual([3]);
    await frames.report(7, 6, false);
    expect(await frames.of(7)).toEqual([3]);
    await frames.report(7, 3, false);
    expect(await frames.of(7)).toEqual([]);
    expect(Object.keys(await area().get(null))).toEqual([]);
  });

  it('forgets a closed tab and no other', async () => {
    const frames = createFormFrames(area());
    await Promise.all([frames.report(7, 0, true), frames.report(8, 2, true)]);
    await frames.forget(7);
    expect(await frames.of(7)).toEqual([]);
    expect(await frames.of(8)).toEqual([2]);
    expect(await createFormFrames(area()).of(7)).toEqual([]);
    expect(await createFormFrames(area()).of(8)).toEqual([2]);
  });

  it('is kept in the session area and read back by a fresh instance', async () => {
    const first = createFormFrames(area());
    await Promise.all([first.report(7, 3, true), first.report(7, 0, true), first.report(8, 1, true)]);
    expect(Object.values(await area().get(null))).toEqual(expect.arrayContaining([[0, 3], [1]]));

    const restarted = createFormFrames(area());
    expect(await restarted.of(7)).toEqual([0, 3]);
    expect(await restarted.of(8)).toEqual([1]);
    await restarted.report(7, 4, true);
    expect(await createFormFrames(area()).of(7)).toEqual([0, 3, 4]);
  });

  it('after a restart, keeps what a tab stored while another tab reports at the same time', async () => {
    const first = createFormFrames(area());
    await first.report(7, 0, true);
    await first.report(8, 0, true);

    // A browser's storage.session answers reads over IPC: here, a few milliseconds later.
    const slowReads: SessionArea = {
      get: async (keys) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return area().get(keys);
      },
      set: (items) => area().set(items),
      remove: (keys) => area().remove(keys),
    };
    const restarted = createFormFrames(slowReads);
    expect(await restarted.of(8)).toEqual([0]);
    // Tab 7 is read from the session area while tab 8 writes: tab 7's stored frame must stay.
    await Promise.all([restarted.report(7, 3, true), restarted.report(8, 2, true)]);
    expect(await restarted.of(7)).toEqual([0, 3]);
    expect(await restarted.of(8)).toEqual([0, 2]);
    expect(await createFormFrames(area()).of(7)).toEqual([0, 3]);
  });

  it('ignores a damaged stored list', async () => {
    await area().set({ 'aceFormFrames:7': ['x', -1], 'aceFormFrames:8': 'nonsense' });
    const frames = createFormFrames(area());
    expect(await frames.of(7)).toEqual([]);
    expect(await frames.of(8)).toEqual([]);
    await frames.report(7, 2, true);
    expect(await frames.of(7)).toEqual([2]);
  });
});
