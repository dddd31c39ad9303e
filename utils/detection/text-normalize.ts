/**
 * Normal form of the words around a field, shared by the vocabulary and the classifier: lower
 * case, letters and digits only, single spaces, abbreviations written out.
 */
import { WORD_VARIANTS } from './field-vocabulary';

const MARKS = /[\u0300-\u036f]/g;

const NOT_ASCII = /[^\x00-\x7f]/;

export function normalizeText(text: string): string {
  // Accents only matter in non-ASCII text; NFKD is the costly step.
  const ascii = NOT_ASCII.test(text) ? text.normalize('NFKD').replace(MARKS, '') : text;
  const plain = ascii
    .toLowerCase()
    .replace(/#/g, ' # ')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim();
  if (!plain) return '';
  return plain
    .split(' ')
    .map((word) => WORD_VARIANTS[word] ?? word)
    .join(' ');
}

/** Words of a code identifier: "bankRoutingNumber", "bank_routing_no", "P0009-BANKL". */
export function identifierWords(identifier: string): string {
  return normalizeText(
    identifier
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .replace(/([a-zA-Z])([0-9])/g, '$1 $2')
      .replace(/([0-9])([a-zA-Z])/g, '$1 $2'),
  );
}
