/**
 * When a frame holds a bank form: the detector marks and reports fields only there, so a lone
 * "Account" box elsewhere on the portal is left alone.
 */
import type { FieldKind } from './field-kinds';

export const REQUIRED_FORM_KINDS: readonly FieldKind[] = ['routing', 'account'];

export function isBankForm(visibleKinds: Iterable<FieldKind>): boolean {
  const present = new Set(visibleKinds);
  return REQUIRED_FORM_KINDS.every((kind) => present.has(kind));
}
