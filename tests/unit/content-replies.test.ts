import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sendContentRequest } from '@/utils/messaging/content-replies';
import { PROTOCOL, type ResponseOf } from '@/utils/messaging/protocol';
import { CONTENT_REPLIES, matchesShape, type ContentRequestType, type Shape } from '@/utils/messaging/reply-shapes';
import { schemaOf } from '@/utils/messaging/shape-schema';

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
const WRONG_VALUES: unknown[] = [undefined, null, 7, Number.NaN, Infinity, 'x', true, false, [], {}, [{}], ['x']];

/** The valid reply, then every field removed or replaced by each wrong value, one at a time. */
function variants(valid: Record<string, unknown>): unknown[] {
  const out: unknown[] = [valid, { ...valid, extra: 1 }, null, [], 'reply'];
  for (const key of Object.keys(valid)) {
    const { [key]: _removed, ...rest } = valid;
    out.push(rest);
    for (const wrong of WRONG_VALUES) out.push({ ...valid, [key]: wrong });
    const value = valid[key];
    const inner = Array.isArray(value) ? value[0] : value;
    if (typeof inner === 'object' && inner !== null) {
      for (const innerKey of Object.keys(inner)) {
        for (const wrong of WRONG_VALUES) {
          const changed = { ...inner, [innerKey]: wrong };
          out.push({ ...valid, [key]: Array.isArray(value) ? [changed] : changed });
        }
      }
    }
  }
  return out;
}

/** Values a shape accepts, and now and then something it does not, anywhere inside. */
function valuesOf(shape: Shape): fc.Arbitrary<unknown> {
  const right = ((): fc.Arbitrary<unknown> => {
    if (shape === 'string') return fc.string({ maxLength: 4 });
    if (shape === 'number') return fc.double();
    if (shape === 'boolean') return fc.boolean();
    if (shape === true) return fc.constant(true);
    if ('oneOf' in shape) return fc.constantFrom(...shape.oneOf, 'other');
    if ('optional' in shape) return fc.option(valuesOf(shape.optional), { nil: undefined });
    if ('arrayOf' in shape) return fc.array(valuesOf(shape.arrayOf), { maxLength: 3 });
    const keys = Object.keys(shape.fields);
    return fc.record(Object.fromEntries(keys.map((key) => [key, valuesOf(shape.fields[key]!)])), { requiredKeys: [] });
  })();
  return fc.oneof({ weight: 12, arbitrary: right }, { weight: 1, arbitrary: fc.constantFrom(...WRONG_VALUES) });
}

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
