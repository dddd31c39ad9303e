/**
 * The fill engine's last safety net: a routing or account number is never written into a field
 * whose own label names a name, nickname, description or country ("Account Nickname", "Bank
 * Country"), whatever the classifier said. Pure: the filler passes the labels it read.
 */
import type { FieldKind } from '@/utils/detection/field-kinds';
import { normalizeText } from '@/utils/detection/text-normalize';

const NUMBER_KINDS: readonly FieldKind[] = ['routing', 'account', 'account-confirm'];

/** Words of a label (normal form) that mean the field holds words, not a bank number. */
const WORD_FIELD_WORDS: readonly string[] = ['name', 'names', 'nickname', 'nick', 'alias', 'description', 'descr', 'country', 'memo', 'address'];

/** The first label that forbids writing a number of `kind` into its field, if any. */
export function labelRefusingNumber(kind: FieldKind, labels: readonly string[] | undefined): string | undefined {
  if (!NUMBER_KINDS.includes(kind) || !labels) return undefined;
  return labels.find((label) => normalizeText(label).split(' ').some((word) => WORD_FIELD_WORDS.includes(word)));
}
