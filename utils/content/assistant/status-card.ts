/**
 * The words of the assistant's corner card: which importer the page shows, which profile the
 * fields are compared with, what CBP's file says, and what to do when the vault is locked.
 */
import type { ResponseOf } from '@/utils/messaging/protocol';
import type { CardView } from './assistant-ui';

export type Comparison = ResponseOf<'page/compare'>;

export function statusCard(comparison: Comparison | undefined): CardView {
  const title = 'ACE ACH Assist';
  if (!comparison) return { title, lines: ['Checking the bank fields as you type.'] };
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
      lines.push(`No saved profile for importer ${numbers}.`);
      break;
    case 'unknown-importer':
      lines.push('No importer number found on this page.');
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
  const needsChoice = comparison.match !== 'one' || choices.length > 1;
  return { title, lines, ...(needsChoice && choices.length ? { choices, chosenId: profile?.id } : {}) };
}
