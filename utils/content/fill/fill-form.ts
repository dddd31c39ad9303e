/**
 * Carries out a fill plan on the detected bank form: only fields the user can see right now,
 * conflicts only when the user agreed to replace them, in field order, and the focus handed
 * back where it was so the user's typing is not moved elsewhere.
 */
import type { FieldKind } from '@/utils/detection/field-kinds';
import type { FillFieldInput, FillPlan, PlannedFill } from '@/utils/form-checks/plan-fill';
import { fieldValue } from '../assistant/read-values';
import type { DetectedField, DetectedForm } from '../detected-form';
import { isFieldVisible, type VisibilityCheck } from '../field-visibility';
import { ownLabelTexts } from './own-labels';
import { setFieldValue } from './set-field-value';

export type SkipReason = 'conflict' | 'hidden' | 'failed';

export interface FillOutcome {
  filled: FieldKind[];
  skipped: { kind: FieldKind; reason: SkipReason }[];
  /** The filled elements, for a brief highlight. */
  elements: HTMLElement[];
}

export interface FillOptions {
  /** The user agreed to overwrite fields that hold other values. */
  replaceConflicts: boolean;
  isVisible?: VisibilityCheck;
}

/** planFill's input for a detected form: what each field holds now and the choices it offers. */
export function fillInputsOf(form: Pick<DetectedForm, 'fields'>): FillFieldInput[] {
  return form.fields.map((field) => ({
    kind: field.kind,
    control: field.control,
    current: fieldValue(field),
    options: field.options?.map(({ text, value }) => ({ text, value })),
    labels: ownLabelTexts(field.element),
  }));
}

/** The page may have hidden or re-rendered the form since it was detected; a decoy must never get the numbers. */
function skipReason(field: DetectedField, fill: PlannedFill, options: FillOptions): SkipReason | undefined {
  const isVisible = options.isVisible ?? isFieldVisible;
  if (!field.element.isConnected || !isVisible(field.element)) return 'hidden';
  if (fill.conflict && !options.replaceConflicts) return 'conflict';
  return undefined;
}

function restoreFocus(previous: Element | null): void {
  if (!previous || !previous.isConnected || previous === previous.ownerDocument.body) return;
  const focusable = previous as Element & { focus?: (options?: FocusOptions) => void };
  if (previous.ownerDocument.activeElement !== previous) focusable.focus?.({ preventScroll: true });
}

export function fillForm(form: Pick<DetectedForm, 'fields'>, plan: FillPlan, options: FillOptions): FillOutcome {
  const outcome: FillOutcome = { filled: [], skipped: [], elements: [] };
  const previous = form.fields[0]?.element.ownerDocument.activeElement ?? null;
  const fills = [...plan.fills].sort((a, b) => a.index - b.index);
  for (const fill of fills) {
    const field = form.fields[fill.index];
    if (!field || field.kind !== fill.kind) {
      // The plan was made for other fields: filling by a stale index could put a number in the wrong box.
      outcome.skipped.push({ kind: fill.kind, reason: 'failed' });
      continue;
    }
    const reason = skipReason(field, fill, options) ?? (setFieldValue(field, fill) ? undefined : 'failed');
    if (reason) {
      outcome.skipped.push({ kind: fill.kind, reason });
      continue;
    }
    outcome.filled.push(fill.kind);
    outcome.elements.push(field.element);
  }
  restoreFocus(previous);
  return outcome;
}
