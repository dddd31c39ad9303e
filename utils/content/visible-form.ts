/**
 * The field detector's decision over all roots of a frame: which scanned fields and values on
 * file are visible, and which of them make the refund form (never a look-alike form beside it).
 */
import type { DetectedField, DetectedForm, OnFileValue } from './detected-form';
import type { VisibilityCheck } from './field-visibility';
import { onFileOnlyForm, pickRefundForm } from './form-sections';
import { valueText } from './on-file-values';
import type { RootScan } from './scan-root';

export interface VisibleForm {
  form: DetectedForm | null;
  /** Each field's anchors (a radio group's radios and labels): where a badge goes. */
  anchors: Map<DetectedField, HTMLElement[]>;
}

/** `chosenRouting`: the routing field of the form the user chose among look-alike forms. */
export function readVisibleForm(scans: Iterable<RootScan>, isVisible: VisibilityCheck, chosenRouting: Element | null): VisibleForm {
  const fields: DetectedField[] = [];
  const anchors = new Map<DetectedField, HTMLElement[]>();
  const onFile: OnFileValue[] = [];
  for (const scan of scans) {
    for (const field of scan.fields) {
      if (!field.visibleThrough.some((element) => element.isConnected && isVisible(element))) continue;
      const { kind, control, element, elements, options: choices, classification } = field;
      const detected: DetectedField = { kind, control, element, elements, options: choices, classification };
      fields.push(detected);
      anchors.set(detected, field.anchors);
    }
    for (const value of scan.values) {
      if (value.element.isConnected && isVisible(value.element)) {
        onFile.push({ kind: value.kind, element: value.element, text: valueText(value.element) });
      }
    }
  }
  // CBP's file alone (view mode of an inline-edit record, a read-only section) showing a
  // routing and an account number is a form too: nothing to fill, but compared with the profile.
  const form = pickRefundForm(fields, onFile, isVisible, chosenRouting) ?? onFileOnlyForm(fields, onFile, isVisible);
  return { form, anchors };
}

/** Whether two reports name the same fields, values and choices: only a change is reported. */
export function sameForm(a: DetectedForm | null, b: DetectedForm | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.fields.length !== b.fields.length || a.onFile.length !== b.onFile.length) return false;
  const routingOf = (candidate: { fields: DetectedField[] }) => candidate.fields.find((field) => field.kind === 'routing')?.element;
  const ac = a.candidates ?? [];
  const bc = b.candidates ?? [];
  if (ac.length !== bc.length || ac.some((candidate, i) => routingOf(candidate) !== routingOf(bc[i]!) || candidate.title !== bc[i]!.title)) return false;
  const sameField = (x: DetectedField, i: number) => {
    const y = b.fields[i]!;
    return x.element === y.element && x.kind === y.kind && x.options?.length === y.options?.length;
  };
  const sameValue = (x: OnFileValue, i: number) => {
    const y = b.onFile[i]!;
    return x.element === y.element && x.kind === y.kind && x.text === y.text;
  };
  return a.fields.every(sameField) && a.onFile.every(sameValue);
}
