/**
 * What the page says about one control, gathered by the content script (utils/content) as plain
 * data so the classifier stays pure and is tested from tables of feature sets.
 */
import type { FieldControl } from './field-kinds';

export interface OptionFeature {
  text: string;
  value: string;
}

export interface FieldFeatures {
  control: FieldControl;
  /** label[for] in the control's own root, a wrapping label, a custom element host's `label` attribute. */
  labels?: readonly string[];
  /** aria-label and the text of aria-labelledby targets. */
  aria?: readonly string[];
  /** The legend of the fieldset that holds only this control (or this radio group). */
  legend?: string;
  /** Text of the table cell before the control's cell, or of the label-like sibling before it. */
  preceding?: readonly string[];
  placeholder?: string;
  name?: string;
  id?: string;
  /** Input type, lower case ("text", "tel", "number", "password", "search", ...). */
  type?: string;
  inputMode?: string;
  /** maxlength when the page sets one. */
  maxLength?: number;
  autocomplete?: string;
  role?: string;
  /** Choices of a select, a radio group or a combobox's listbox. */
  options?: readonly OptionFeature[];
}

/** Where a piece of evidence came from, strongest first. */
export type FeatureSource =
  | 'label'
  | 'aria'
  | 'legend'
  | 'preceding'
  | 'placeholder'
  | 'name'
  | 'id'
  | 'options'
  | 'hint';
