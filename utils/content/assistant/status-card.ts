/**
 * The words of the assistant's corner card: which importer the page shows, which profile the
 * fields are compared with, what CBP's file says, and what to do when the vault is locked.
 */
import type { ResponseOf } from '@/utils/messaging/protocol';
import type { CardView } from './assistant-view';

export type Comparison = ResponseOf<'page/compare'>;

/** What kept a comparison from being made: said on the card, never dropped silently. */
export interface ComparisonGaps {
  /** The background refused or could not answer: its reason. */
  readonly failure?: string;
  /** Values the page shows that could not be read well enough to send ("the form's account type"). */
  readonly unreadable?: readonly string[];
  /** The user's choice among the page's unclear importer numbers. */
  readonly chosenImporter?: string;
}

/** Profiles other than the importer's are listed only by the extension's own pages. */
const PICK_ANOTHER = 'To compare with a saved profile, fill from it with the Fill button.';

const KIND_WORDS: Record<Comparison['verdicts'][number]['kind'], string> = {
  routing: 'routing number',
  account: 'account number',
  'account-type': 'account type',
};

/** Values on the page the comparison could not read: too long to send, or a verdict of "unknown". */
function unreadLine(comparison: Comparison, gaps: ComparisonGaps): string[] {
  const unread = [...(gaps.unreadable ?? [])];
  for (const verdict of comparison.verdicts) {
    // Routing and account numbers still being typed are the format checks' business.
    if (verdict.result !== 'unknown' || (verdict.source === 'form' && verdict.kind !== 'account-type')) continue;
    unread.push(`${verdict.source === 'form' ? "the form's" : "CBP's on-file"} ${KIND_WORDS[verdict.kind]}`);
  }
  return unread.length > 0 ? [`Not compared, as it could not be read from the page: ${unread.join(', ')}.`] : [];
}

export function statusCard(comparison: Comparison | undefined, gaps: ComparisonGaps = {}): CardView {
  const title = 'ACE ACH Assist';
  if (!comparison) {
    const lines = ['Checking the bank fields as you type.'];
    if (gaps.failure) lines.push(`Could not compare with your saved profiles: ${gaps.failure}`);
    return { title, lines };
  }
  if (comparison.formatOnly) {
    return { title, lines: ['This form is in a sandboxed frame: only the format of its values is checked, never against your saved profiles.'] };
  }
  if (comparison.vault === 'new') {
    return { title, lines: ['Format checks are on. Set up ACE ACH Assist from its toolbar button to compare with saved profiles.'] };
  }
  if (comparison.vault === 'locked') {
    return { title, lines: ['Format checks are on. The vault is locked, so the fields are not compared with your saved profile.'], unlock: true };
  }
  const numbers = comparison.importerNumbers.join(', ');
  const lines: string[] = [];
  const choices = comparison.choices.map((c) => ({ id: c.id, label: `${c.label} (${c.importerNumber})${c.baseOnly ? ' — other suffix' : ''}` }));
  switch (comparison.match) {
    case 'one':
      break;
    case 'several':
      lines.push(`Several profiles match importer ${numbers}; choose the one to compare with.`);
      break;
    case 'base-only':
      lines.push(
        `No profile has importer ${numbers} with this suffix; the profiles below are for other suffixes of the same EIN. ACE keeps bank details per suffix.`,
      );
      break;
    case 'none':
      if (!comparison.profile) lines.push(`No saved profile for importer ${numbers}. ${PICK_ANOTHER}`);
      break;
    case 'unknown-importer':
      if (!comparison.profile) lines.push(`No importer number found on this page. ${PICK_ANOTHER}`);
      break;
    case 'unclear-importer':
      lines.push(
        `This page shows several importer numbers (${(comparison.importerCandidates ?? []).join(', ')}) and none is labelled as the importer's: choose the importer of this page.`,
      );
      break;
  }
  const profile = comparison.profile;
  if (profile) {
    lines.push(`Comparing with "${profile.label}" (${profile.importerNumber}).`);
    if (profile.baseOnly) lines.push('Only the EIN matches, not the suffix: check that this is the right profile.');
  }
  if (comparison.verification === 'match') lines.push(`CBP's bank details on file match "${profile?.label}".`);
  if (comparison.verification === 'mismatch') lines.push(`CBP's bank details on file differ from "${profile?.label}".`);
  // The values on file are read-only text with no room beside them: their differences go here.
  for (const verdict of comparison.verdicts) {
    if (verdict.source === 'on-file' && verdict.result === 'mismatch' && verdict.message) lines.push(verdict.message);
  }
  lines.push(...unreadLine(comparison, gaps));
  if (comparison.repeatedChanges) {
    lines.push('This page changed the bank details on file again and again: they are compared once a second at most, and not recorded.');
  }
  const needsChoice = comparison.match !== 'one' || choices.length > 1;
  const importerChoices = comparison.importerCandidates ?? [];
  return {
    title,
    lines,
    ...(importerChoices.length > 0 ? { importerChoices, chosenImporter: gaps.chosenImporter } : {}),
    ...(needsChoice && choices.length ? { choices, chosenId: profile?.id } : {}),
  };
}
