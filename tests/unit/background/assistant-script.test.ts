/**
 * page/assistant: the page assistant goes into the frame that found a form and into its tab's top
 * frame; a frame it cannot go into is answered so, and a top frame of another site never blocks
 * the form's own frame.
 */
import { describe, expect, it } from 'vitest';
import { assistantScriptHandlers } from '@/utils/background/handlers/assistant-script';

function recorder(refuse: (frameId: number) => boolean = () => false) {
  const injected: [number, number][] = [];
  const inject = async (tabId: number, frameId: number) => {
    if (refuse(frameId)) throw new Error('Cannot access contents of the page');
    injected.push([tabId, frameId]);
  };
  return { injected, handler: assistantScriptHandlers(inject)['page/assistant'] };
}

describe('page/assistant', () => {
  it('injects into the form’s frame, then the top frame', async () => {
    const { injected, handler } = recorder();
    expect(await handler({}, 'ace-content-script', { tabId: 4, frameId: 7 })).toEqual({ loaded: true });
    expect(injected).toEqual([[4, 7], [4, 0]]);
  });

  it('injects once into a top frame that found the form itself', async () => {
    const { injected, handler } = recorder();
    await handler({}, 'ace-content-script', { tabId: 4, frameId: 0 });
    expect(injected).toEqual([[4, 0]]);
  });

  it('says so when the frame refuses, and the form’s frame still gets it when the top frame refuses', async () => {
    const refusingFrame = recorder((frameId) => frameId === 7);
    expect(await refusingFrame.handler({}, 'ace-content-script', { tabId: 4, frameId: 7 })).toEqual({ loaded: false });
    const refusingTop = recorder((frameId) => frameId === 0);
    expect(await refusingTop.handler({}, 'ace-content-script', { tabId: 4, frameId: 7 })).toEqual({ loaded: true });
    expect(refusingTop.injected).toEqual([[4, 7]]);
  });

  it('answers not loaded where the browser cannot inject or the sender has no frame', async () => {
    expect(await assistantScriptHandlers(undefined)['page/assistant']({}, 'ace-content-script', { tabId: 4, frameId: 0 })).toEqual({ loaded: false });
    const { injected, handler } = recorder();
    expect(await handler({}, 'ace-content-script', { tabId: 4 })).toEqual({ loaded: false });
    expect(injected).toEqual([]);
  });
});
