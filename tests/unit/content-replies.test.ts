import { describe, expect, it } from 'vitest';
import { CONTENT_REPLY_GUARDS, sendContentRequest, type ContentRequestType } from '@/utils/messaging/content-replies';
import { PROTOCOL } from '@/utils/messaging/protocol';

const VALID: Record<ContentRequestType, Record<string, unknown>> = {
  'directory/lookup': {
    imported: true,
    found: true,
    bankName: 'JPMORGAN CHASE BANK, NA',
    city: 'TAMPA',
    state: 'FL',
    receivesGovernmentEntries: true,
    replacedBy: '021000021',
    problems: [{ code: 'directory.replaced', severity: 'warning', message: 'Replaced.', path: 'x', position: 1 }],
    suggestions: [{ routingNumber: '021000021', bankName: 'X', message: 'Did you mean…' }],
  },
  'page/importer': { done: true },
  'page/open-unlock': { done: true },
  'page/form': { done: true },
  'page/assistant': { loaded: true },
  'page/fill-done': { done: true },
  'page/user-activity': { done: true },
  'page/confirm-importer': { fill: false },
  'page/picker-open': { token: '0123456789abcdef0123' },
  'page/settings': { submitGuard: true },
  'page/fill': {
    profileId: 'a',
    profileLabel: 'Acme main',
    profileImporter: '12-345678900',
    pageImporter: '12-345678901',
    importerMatch: 'other-suffix',
    values: { routing: '021000021', account: '000123456789', accountType: 'checking', bankName: 'Chase', holderName: 'Acme' },
  },
  'page/compare': {
    vault: 'unlocked',
    importerNumbers: ['12-345678900'],
    match: 'one',
    choices: [{ id: 'a', label: 'Acme', importerNumber: '12-345678900', baseOnly: false }],
    profile: { id: 'a', label: 'Acme', importerNumber: '12-345678900', baseOnly: false },
    verdicts: [{ kind: 'routing', source: 'on-file', result: 'mismatch', message: 'Differs.' }],
    verification: 'mismatch',
    importerCandidates: ['12-345678900', '12-345678901'],
    repeatedChanges: true,
    formatOnly: true,
  },
};

const WRONG_VALUES: unknown[] = [undefined, null, 7, 'x', true, [], {}, [{}], ['x']];

/** The valid reply, then every field removed or replaced by each wrong value, one at a time. */
function variants(valid: Record<string, unknown>): unknown[] {
  const out: unknown[] = [valid, { ...valid, extra: 1 }, null, [], 'reply'];
  for (const key of Object.keys(valid)) {
    const { [key]: _removed, ...rest } = valid;
    out.push(rest);
    for (const wrong of WRONG_VALUES) out.push({ ...valid, [key]: wrong });
    const value = valid[key];
    if (Array.isArray(value) && typeof value[0] === 'object') {
      for (const innerKey of Object.keys(value[0] as object)) {
        for (const wrong of WRONG_VALUES) out.push({ ...valid, [key]: [{ ...(value[0] as object), [innerKey]: wrong }] });
      }
    }
  }
  return out;
}

describe('content script reply guards', () => {
  for (const type of Object.keys(VALID) as ContentRequestType[]) {
    it(`${type}: agrees with the protocol's zod schema on every variant`, () => {
      const schema = PROTOCOL[type].response;
      const samples = variants(VALID[type]);
      expect(samples.length).toBeGreaterThan(10);
      for (const sample of samples) {
        expect(CONTENT_REPLY_GUARDS[type](sample), JSON.stringify(sample)).toBe(schema.safeParse(sample).success);
      }
    });
  }

  it('returns good replies, throws the background error, refuses malformed replies', async () => {
    await expect(sendContentRequest(async () => ({ ok: true, data: { done: true } }), 'page/open-unlock', {})).resolves.toEqual({
      done: true,
    });
    await expect(
      sendContentRequest(async () => ({ ok: false, error: { code: 'forbidden', message: 'No.' } }), 'page/open-unlock', {}),
    ).rejects.toMatchObject({ code: 'forbidden', message: 'No.' });
    await expect(
      sendContentRequest(async () => ({ ok: true, data: { done: 'yes' } }), 'page/open-unlock', {}),
    ).rejects.toMatchObject({ code: 'internal' });
  });
});
