/**
 * What the detector must mark on each practice page (tests/fixtures/portal/pages), as the
 * Chromium e2e tests (detection.spec.ts, practice-variants.spec.ts) expect it; the Firefox tests
 * hold Firefox to the same list. Data only: no test runner here.
 */

export interface PracticePage {
  name: string;
  /** The button a user presses first: the form, or the values on file, show after it. */
  pressFirst?: string;
  /** The form is in the page's only iframe. */
  inFrame?: boolean;
  /** Marks (kind:tag) in the form's frame, the importer's number left out, sorted. */
  marks: string[];
}

const PLAIN = ['account-confirm:input', 'account-type:select', 'account:input', 'bank-name:input', 'holder-name:input', 'routing:input'];
const SELECT_FORM = ['account-type:select', 'account:input', 'routing:input'];
const LIGHTNING_FORM = ['account-type:button', 'account:input', 'routing:input'];
const ON_FILE_LIGHTNING = ['account-type:lightning-formatted-text', 'account:lightning-formatted-text', 'routing:lightning-formatted-text'];
const sorted = (...lists: string[][]) => lists.flat().sort();

export const PRACTICE_PAGES: readonly PracticePage[] = [
  { name: 'lightning', marks: LIGHTNING_FORM },
  { name: 'lightning', pressFirst: 'Get Info/Refresh', marks: sorted(LIGHTNING_FORM, ON_FILE_LIGHTNING) },
  { name: 'plain', marks: PLAIN },
  { name: 'two-profiles', marks: PLAIN },
  { name: 'decoy', marks: PLAIN },
  { name: 'iframe', inFrame: true, marks: SELECT_FORM },
  // The other ACE host's origin in the frame.
  { name: 'ace-frame', inFrame: true, marks: SELECT_FORM },
  // An ACE page in a sandboxed frame (opaque origin): marked, checked for format only.
  { name: 'sandboxed', inFrame: true, marks: SELECT_FORM },
  { name: 'after-refresh', pressFirst: 'Get Info/Refresh', marks: sorted(LIGHTNING_FORM, ON_FILE_LIGHTNING) },
  { name: 'synthetic', marks: LIGHTNING_FORM },
  { name: 'radio', marks: ['account-type:fieldset', 'account:input', 'routing:input'] },
  { name: 'dialog', pressFirst: 'Edit Bank Information', marks: SELECT_FORM },
  { name: 'controlled', marks: SELECT_FORM },
  // The layouts of practice-variants.spec.ts (the form as first shown).
  { name: 'sap-grid', marks: SELECT_FORM },
  { name: 'fiori', marks: ['account-type:div', 'account:input', 'routing:input'] },
  { name: 'inline-edit', pressFirst: 'Edit Bank Routing Number', marks: LIGHTNING_FORM },
  { name: 'closed-shadow', marks: ['account-confirm:input', 'account-type:select', 'account:input', 'routing:input'] },
  { name: 'header-meta', marks: SELECT_FORM },
  { name: 'top-frame', inFrame: true, marks: SELECT_FORM },
  { name: 'nickname', marks: SELECT_FORM },
];
