/**
 * The question the assistant asks when a page holds several bank forms and nothing (heading,
 * legend, tab or card title) says which is the ACH refund form: the card's words and choices,
 * and the same question as a dialog before a fill. Nothing is marked, checked or filled until
 * the user answers.
 */
import type { FormCandidate } from '../detected-form';
import type { CardView } from './assistant-view';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

/** "The second form on the page: “Bank Information”" */
export function candidateLabel(candidate: FormCandidate, index: number): string {
  const place = `The ${ORDINALS[index] ?? `number ${index + 1}`} form on the page`;
  return /^Form \d+$/.test(candidate.title) ? place : `${place}: “${candidate.title}”`;
}

export const FORM_QUESTION =
  'This page holds more than one bank form, and nothing on it says which is the ACH refund form. Which one should be checked and filled?';

export function formQuestionCard(candidates: readonly FormCandidate[]): CardView {
  return {
    title: 'ACE ACH Assist',
    lines: [FORM_QUESTION],
    formChoices: candidates.map(candidateLabel),
  };
}
