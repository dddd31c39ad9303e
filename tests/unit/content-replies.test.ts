import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sendContentRequest } from '@/utils/messaging/content-replies';
import { PROTOCOL, type ResponseOf } from '@/utils/messaging/protocol';
import { CONTENT_REPLIES, matchesShape, type ContentRequestType } from '@/utils/messaging/reply-shapes';
import { schemaOf } from '@/utils/messaging/shape-schema';
import { valuesOf, variants } from '../support/shape-samples';

const VALID: { [T in ContentRequestType]: ResponseOf<T> } = {
  'directory/lookup': {
    imported: true,
    found: true,
    bankName: 'JPMORGAN CHASE BANK, NA',
    city: 'TAMPA',
    state: 'FL',
    receivesGovernmentEntries: true,
    replacedBy: '021000021',
    replacementBankName: 'JPMORGAN CHASE BANK, NA',
    suggestions: [{ routingNumber: '021000021', bankName: 'X' }],
  },
  'page/importer': { done: true },
  'page/open-unlock': { done: true },
  'page/form': { done: true },
  'page/assistant': { loaded: true },
  'page/fill-done': { done: true },
  'page/saved': { done: true },
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

const TYPES = Object.keys(CONTENT_REPLIES) as ContentRequestType[];

describe('content script reply shapes', () => {
  for (const type of TYPES) {
    it(`${type}: the protocol's zod schema is the shape's, accepting what the content script accepts`, () => {
      const schema = PROTOCOL[type].response;
      const samples = variants(VALID[type] as Record<string, unknown>);
      expect(samples.length).toBeGreaterThan(10);
      expect(matchesShape(CONTENT_REPLIES[type], VALID[type])).toBe(true);
      for (const sample of samples) {
        expect(matchesShape(CONTENT_REPLIES[type], sample), JSON.stringify(sample)).toBe(schema.safeParse(sample).success);
      }
    });
  }

  it('the matcher and the zod schema built from a shape agree on any value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TYPES).chain((type) => fc.tuple(fc.constant(type), valuesOf(CONTENT_REPLIES[type]))),
        ([type, value]) => {
          expect(matchesShape(CONTENT_REPLIES[type], value)).toBe(schemaOf(CONTENT_REPLIES[type]).safeParse(value).success);
        },
      ),
      { numRuns: 5_000 },
    );
  });

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
    await expect(
      sendContentRequest(async () => ({ ok: true, data: { imported: true, found: false, suggestions: [{ routingNumber: 1 }] } }), 'directory/lookup', {
        routingNumber: '021000021',
      }),
    ).rejects.toMatchObject({ code: 'internal' });
  });
});
