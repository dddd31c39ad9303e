/**
 * Samples for the tests that keep a plain shape matcher (messaging/reply-shapes.ts) accepting
 * exactly what the zod schema built from it accepts: each field removed or made wrong, and
 * fast-check values that are mostly right and now and then wrong anywhere inside.
 */
import fc from 'fast-check';
import type { Shape } from '@/utils/messaging/reply-shapes';

export const WRONG_VALUES: unknown[] = [undefined, null, 7, Number.NaN, Infinity, 'x', true, false, [], {}, [{}], ['x'], ['mismatch', 3]];

/** The valid value, then every field removed or replaced by each wrong value, one at a time. */
export function variants(valid: Record<string, unknown>): unknown[] {
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
export function valuesOf(shape: Shape): fc.Arbitrary<unknown> {
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
