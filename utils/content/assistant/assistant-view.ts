/**
 * What the page assistant asks its UI to show (each field's report, the corner card) and what the
 * UI tells back (the user's choices): the words between page-assistant.ts and assistant-ui.ts and
 * its parts (card, field marks), kept apart so that those parts need not import the UI itself.
 */
import type { FieldReport } from '@/utils/form-checks/field-reports';

export interface FieldView {
  element: HTMLElement;
  name: string;
  report?: FieldReport;
  /** Draws the "Fill" button inside the field's right end (the routing field). */
  fillButton?: boolean;
}

export interface CardView {
  title: string;
  lines: string[];
  choices?: { id: string; label: string }[];
  chosenId?: string;
  /** The page's importer numbers when no label says which is the importer's: the user chooses. */
  importerChoices?: string[];
  chosenImporter?: string;
  unlock?: boolean;
  /** Several bank forms: one button per form, answering which is the refund form. */
  formChoices?: string[];
}

export interface AssistantUiHandlers {
  onChoose(profileId: string): void;
  onChooseImporter(importerNumber: string): void;
  onUnlock(): void;
  /** The user said which of the page's bank forms is the refund form. */
  onChooseForm?(index: number): void;
  /** The Fill button in `field` was pressed; focus goes back to `button` when the picker closes. */
  onFill(field: HTMLElement, button: HTMLElement): void;
}
