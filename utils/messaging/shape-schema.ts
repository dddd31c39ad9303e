/**
 * The zod/mini schema of a reply shape (reply-shapes.ts): how the protocol's table gets the
 * schemas of the replies content scripts receive, from the one description they check against.
 */
import { z } from 'zod/mini';
import type { Shape, ShapeType } from './reply-shapes';

function build(shape: Shape): z.ZodMiniType {
  if (shape === 'string') return z.string();
  if (shape === 'number') return z.number();
  if (shape === 'boolean') return z.boolean();
  if (shape === true) return z.literal(true);
  if ('oneOf' in shape) return z.enum(shape.oneOf as readonly [string, ...string[]]);
  if ('optional' in shape) return z.optional(build(shape.optional));
  if ('arrayOf' in shape) return z.array(build(shape.arrayOf));
  return z.object(Object.fromEntries(Object.entries(shape.fields).map(([key, field]) => [key, build(field)])));
}

export function schemaOf<S extends Shape>(shape: S): z.ZodMiniType<ShapeType<S>, ShapeType<S>> {
  return build(shape) as z.ZodMiniType<ShapeType<S>, ShapeType<S>>;
}
