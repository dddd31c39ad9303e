/**
 * What the field detector reports to the rest of the content script (checks, messages, filling):
 * the bank form's fields and the values on file, as live elements of the page.
 */
import type { FieldClassification } from '@/utils/detection/classify-field';
import type { FieldControl, FieldKind } from '@/utils/detection/field-kinds';

/** Where the detector searches: the document and every shadow root below it. */
export type SearchRoot = Document | ShadowRoot;

export interface DetectedOption {
  text: string;
  value: string;
  /** <option>, the radio input, or the combobox's role=option element. */
  element: HTMLElement;
}

export interface DetectedField {
  kind: FieldKind;
  control: FieldControl;
  /**
   * The element marked `data-ace-ach-field`: the input / select / textarea, the combobox's
   * button or input, or the radio group's fieldset (role=radiogroup), else its first radio.
   */
  element: HTMLElement;
  /** radio-group: every radio; combobox: its listbox. */
  elements?: HTMLElement[];
  /** select, radio-group, combobox: the choices. */
  options?: DetectedOption[];
  classification: FieldClassification;
}

export interface OnFileValue {
  kind: FieldKind;
  /** The read-only element showing the value, marked `data-ace-ach-field` too. */
  element: HTMLElement;
  /** As shown: "021000021", "*****6789", "01 - Checking"; '' when nothing is on file. */
  text: string;
}

/** A bank form the user is asked about when nothing tells the page's forms apart. */
export interface FormCandidate {
  /** Its nearest title, or "Form 2". */
  title: string;
  fields: DetectedField[];
}

export interface DetectedForm {
  /**
   * Visible fields, in document order per root (the document first, then shadow roots); none
   * when the page shows only CBP's file (view mode of an inline-edit record).
   */
  fields: DetectedField[];
  onFile: OnFileValue[];
  /**
   * Several bank forms and nothing says which is the refund's: until the user chose one
   * (FieldDetection.chooseForm), `fields` and `onFile` are empty and these are the choices.
   */
  candidates?: FormCandidate[];
}

/** A recognised field as the bench's detector-only build badges it. */
export interface BadgedField {
  kind: FieldKind;
  /** The control, or a radio group's radios and labels: the badge sits beside all of them. */
  anchors: readonly Element[];
}

/** Badges beside recognised fields, drawn by whoever the detector is given (bench/field-badges.ts). */
export interface FieldBadges {
  /** Call when layout is fresh (the detector calls it after the browser's own layout). */
  show(fields: readonly BadgedField[]): void;
}
