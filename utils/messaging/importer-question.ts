/**
 * The words of the question asked before another importer's bank details go into this
 * importer's form: the same on the ACE page (where the browser judges what the user sees) and in
 * the extension's own window (where it cannot: Firefox).
 */

export interface ImporterQuestionFacts {
  readonly profileLabel: string;
  readonly profileImporter: string;
  readonly pageImporter?: string | undefined;
  readonly importerMatch: 'same' | 'other-suffix' | 'other' | 'unknown';
}

export interface ImporterQuestion {
  readonly title: string;
  readonly lines: readonly string[];
}

/** Whether the fill must be asked about first: another importer, or another suffix of the same EIN. */
export function needsImporterQuestion(facts: Pick<ImporterQuestionFacts, 'importerMatch'>): boolean {
  return facts.importerMatch === 'other' || facts.importerMatch === 'other-suffix';
}

export function importerQuestion(facts: ImporterQuestionFacts): ImporterQuestion {
  return {
    title: "Fill another importer's bank details?",
    lines: [
      `"${facts.profileLabel}" is the profile of importer ${facts.profileImporter}; this page is importer ${facts.pageImporter ?? 'another'}.`,
      facts.importerMatch === 'other-suffix'
        ? 'Same EIN, other suffix: ACE keeps bank details per suffix, so fill only if this enrolment is to be paid into that same account.'
        : "Refunds of this importer would be paid into the other importer's account.",
    ],
  };
}
