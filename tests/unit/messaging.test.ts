import { describe, expect, it } from 'vitest';
import { classifySender } from '@/utils/messaging/classify-sender';
import { handleRequest } from '@/utils/messaging/handle-request';
import { sendRequest } from '@/utils/messaging/send-request';
import { RequestError } from '@/utils/messaging/request-error';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('classifySender', () => {
  it('knows our own pages, ACE content scripts and strangers', () => {
    expect(classifySender({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('extension-page');
    expect(classifySender({ id: ID, url: `${ORIGIN}options.html`, tab: {} }, ID, ORIGIN)).toBe('extension-page');
    expect(classifySender({ id: ID, url: 'https://ace.cbp.gov/s/x', tab: {} }, ID, ORIGIN)).toBe('ace-content-script');
    expect(classifySender({ id: ID, url: 'http://ace.cbp.gov/s/x', tab: {} }, ID, ORIGIN)).toBe('other');
    expect(classifySender({ id: ID, url: 'https://example.test/', tab: {} }, ID, ORIGIN)).toBe('other');
    expect(classifySender({ id: 'someone-else', url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('other');
    expect(classifySender({ id: ID, url: 'https://ace-test.cbp.gov/', tab: {} }, ID, ORIGIN, ['ace-test.cbp.gov'])).toBe(
      'ace-content-script',
    );
  });
});

describe('handleRequest', () => {
  const handlers = {
    'vault/status': async () => ({ state: 'locked' as const, autoLockMinutes: 15 }),
    'vault/lock': async () => {
      throw new RequestError('no-vault', 'No vault yet.');
    },
    'settings/get': async () => {
      throw new Error('disk on fire');
    },
  };

  it('answers an allowed request', async () => {
    const reply = await handleRequest(handlers, { type: 'vault/status', payload: {} }, 'ace-content-script');
    expect(reply).toEqual({ ok: true, data: { state: 'locked', autoLockMinutes: 15 } });
  });

  it('refuses content scripts the requests meant for extension pages', async () => {
    const reply = await handleRequest(handlers, { type: 'vault/lock', payload: {} }, 'ace-content-script');
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses every request from other senders', async () => {
    const reply = await handleRequest(handlers, { type: 'vault/status', payload: {} }, 'other');
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers the page requests for ACE content scripts only, with where the message came from', async () => {
    const seen: unknown[] = [];
    const pageHandlers = {
      'page/importer': async (_payload: unknown, _kind: unknown, senderInfo: unknown) => {
        seen.push(senderInfo);
        return { done: true as const };
      },
    };
    const importer = { type: 'page/importer', payload: { importerNumbers: ['12-345678900'] } };
    const info = { tabId: 3, frameId: 0, url: 'https://ace.cbp.gov/s/x' };
    expect(await handleRequest(pageHandlers, importer, 'ace-content-script', undefined, info)).toEqual({
      ok: true,
      data: { done: true },
    });
    expect(seen).toEqual([info]);
    // Without sender facts the handler still gets an (empty) object.
    await handleRequest(pageHandlers, importer, 'ace-content-script');
    expect(seen[1]).toEqual({});

    const compare = {
      type: 'page/compare',
      payload: { form: {}, onFile: {}, recordVerification: false, page: 'https://example.test/' },
    };
    const compareHandlers = {
      'page/compare': async () => {
        seen.push('compared');
        return {} as never;
      },
    };
    const refused = await handleRequest(compareHandlers, compare, 'other', undefined, info);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handleRequest(pageHandlers, importer, 'other', undefined, info)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(seen).toHaveLength(2);
  });

  it('rejects unknown and malformed requests', async () => {
    expect(await handleRequest(handlers, { type: 'nope' }, 'extension-page')).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(
      await handleRequest(handlers, { type: 'vault/unlock', payload: { passphrase: 5 } }, 'extension-page'),
    ).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await handleRequest(handlers, 'just a string', 'extension-page')).toMatchObject({ ok: false });
  });

  it('passes on specific errors and hides internal ones', async () => {
    expect(await handleRequest(handlers, { type: 'vault/lock', payload: {} }, 'extension-page')).toEqual({
      ok: false,
      error: { code: 'no-vault', message: 'No vault yet.' },
    });
    let logged: unknown;
    const reply = await handleRequest(handlers, { type: 'settings/get', payload: {} }, 'extension-page', (e) => {
      logged = e;
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(String(logged)).toContain('disk on fire');
  });
});

describe('sendRequest', () => {
  it('returns parsed data and throws RequestError with the background code', async () => {
    const ok = await sendRequest(async () => ({ ok: true, data: { state: 'new', autoLockMinutes: 15 } }), 'vault/status', {});
    expect(ok.state).toBe('new');
    await expect(
      sendRequest(async () => ({ ok: false, error: { code: 'throttled', message: 'Wait', retryAfterMs: 2000 } }), 'vault/unlock', {
        passphrase: 'x',
      }),
    ).rejects.toMatchObject({ code: 'throttled', retryAfterMs: 2000 });
  });

  it('refuses answers that do not match the schema', async () => {
    await expect(sendRequest(async () => ({ ok: true, data: { state: 'open' } }), 'vault/status', {})).rejects.toMatchObject({
      code: 'internal',
    });
    await expect(sendRequest(async () => undefined, 'vault/status', {})).rejects.toBeInstanceOf(RequestError);
  });
});
