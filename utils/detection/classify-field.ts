/**
 * Names a control from everything the page says about it (FieldFeatures): each source of text
 * scores the kinds it names, weighted by how much pages can be trusted to mean it (a label more
 * than a placeholder, a placeholder more than a name attribute); type, inputmode and maxlength
 * only strengthen or weaken kinds already named. Pure: the content script gathers the features.
 * A field none of whose raw texts holds a vocabulary stem (vocabulary-stems.ts) is turned away
 * before any normalization.
 */
import { readAccountTypeOptions } from './account-type-options';
import { meaningfulIdentifier } from './generated-id';
import type { FeatureSource, FieldFeatures } from './field-features';
import type { FieldKind } from './field-kinds';
import { NOT_BANK_FIELD_AUTOCOMPLETE, NOT_BANK_FIELD_TYPES } from './field-vocabulary';
import { readNormalText, WEAK_STRENGTH } from './read-phrases';
import { identifierWords, normalizeText } from './text-normalize';
import { mayNameField } from './vocabulary-stems';

export const SOURCE_WEIGHTS: Readonly<Record<Exclude<FeatureSource, 'hint'>, number>> = {
  label: 1,
  aria: 0.95,
  legend: 0.7,
  preceding: 0.7,
  placeholder: 0.6,
  options: 1,
  name: 0.5,
  id: 0.45,
};

/** Below this score nothing is named: one name token or a placeholder is just enough. */
export const MIN_SCORE = 0.45;
/** The winner must lead the runner-up by this much, or the field is ambiguous. */
export const MIN_MARGIN = 0.2;

/** Notes for the checks: "wire" beside a routing field hints at a wire (not ACH) number. */
export type FieldNote = 'wire';

export interface Evidence {
  source: FeatureSource;
  kind: FieldKind;
  /** The vocabulary phrase, option reading or hint that counted. */
  reason: string;
  weight: number;
}

export interface FieldClassification {
  kind: FieldKind;
  /** 0–1: how strongly the winner was named and how far it leads the rest. */
  confidence: number;
  evidence: Evidence[];
  notes: FieldNote[];
}

const NUMERIC_KINDS: readonly FieldKind[] = ['routing', 'account', 'account-confirm'];
const NAME_KINDS: readonly FieldKind[] = ['bank-name', 'holder-name'];
const KINDS_TYPED_IN: readonly FieldKind[] = [...NUMERIC_KINDS, ...NAME_KINDS, 'importer-number'];

class Scores {
  readonly total = new Map<FieldKind, number>();
  readonly evidence: Evidence[] = [];
  add(source: FeatureSource, kind: FieldKind, reason: string, weight: number) {
    this.total.set(kind, (this.total.get(kind) ?? 0) + weight);
    this.evidence.push({ source, kind, reason, weight: Math.round(weight * 100) / 100 });
  }
  has(kind: FieldKind): boolean {
    return (this.total.get(kind) ?? 0) > 0;
  }
}

function isNotBankControl(features: FieldFeatures): boolean {
  if (features.type && NOT_BANK_FIELD_TYPES.includes(features.type)) return true;
  if (features.role === 'searchbox') return true;
  const tokens = (features.autocomplete ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return tokens.some((token) =>
    NOT_BANK_FIELD_AUTOCOMPLETE.some((bad) => (bad.endsWith('-') ? token.startsWith(bad) : token === bad)),
  );
}

function sourceTexts(features: FieldFeatures): [Exclude<FeatureSource, 'hint' | 'options'>, string[], boolean][] {
  const texts = (list: readonly (string | undefined)[] | undefined) =>
    (list ?? []).map((text) => normalizeText(text ?? '')).filter(Boolean);
  return [
    ['label', texts(features.labels), false],
    ['aria', texts(features.aria), false],
    ['legend', texts([features.legend]), false],
    ['preceding', texts(features.preceding), false],
    ['placeholder', texts([features.placeholder]), false],
    ['name', [identifierWords(meaningfulIdentifier(features.name ?? ''))].filter(Boolean), true],
    ['id', [identifierWords(meaningfulIdentifier(features.id ?? ''))].filter(Boolean), true],
  ];
}

export type ClassifyField = (features: FieldFeatures) => FieldClassification | null;

/**
 * Whether any text the classifier reads could name a kind (vocabulary-stems.ts): a cheap test of
 * the raw texts, so the unrelated controls of a heavy page are never normalized or searched.
 */
export function mayNameAnyKind(features: FieldFeatures): boolean {
  const { labels, aria, legend, preceding, placeholder, name, id, options } = features;
  for (const list of [labels, aria, preceding]) for (const text of list ?? []) if (mayNameField(text)) return true;
  for (const text of [legend, placeholder, name, id]) if (text && mayNameField(text)) return true;
  for (const option of options ?? []) if (mayNameField(option.text)) return true;
  return false;
}

/** Returns the field's kind, or null when it is not a bank-form field or is ambiguous. */
export function classifyField(features: FieldFeatures): FieldClassification | null {
  return mayNameAnyKind(features) ? scoreField(features) : null;
}

/** classifyField without the prefilter (the tests hold the prefilter to it). */
export function scoreField(features: FieldFeatures): FieldClassification | null {
  if (isNotBankControl(features)) return null;
  const scores = new Scores();
  let mentionsWire = false;

  for (const [source, texts, identifier] of sourceTexts(features)) {
    const best = new Map<FieldKind, { strength: number; phrase: string }>();
    for (const text of texts) {
      const reading = readNormalText(text, identifier);
      // A look-alike ("Account Nickname") or another account's field is never the form's.
      if (reading.notBankField || reading.lookalike) return null;
      mentionsWire ||= reading.mentionsWire;
      for (const match of reading.kinds.values()) {
        if ((best.get(match.kind)?.strength ?? 0) < match.strength) best.set(match.kind, match);
      }
    }
    for (const [kind, match] of best) scores.add(source, kind, match.phrase, SOURCE_WEIGHTS[source] * match.strength);
  }

  addOptionEvidence(features, scores);
  addHints(features, scores);
  return decide(scores, mentionsWire);
}

function addOptionEvidence(features: FieldFeatures, scores: Scores) {
  if (features.control === 'input' || features.control === 'textarea') return;
  const reading = readAccountTypeOptions(features.options);
  const weight = SOURCE_WEIGHTS.options;
  if (reading === 'account-types') scores.add('options', 'account-type', 'checking/savings choices', weight);
  else if (reading === 'account-type-codes') scores.add('options', 'account-type', '01/02 choices', weight * WEAK_STRENGTH);
  else if (reading === 'other' && scores.has('account-type')) {
    scores.add('options', 'account-type', 'choices are not account types', -0.8);
  }
  // Numbers are typed, not picked from a list; radios only ever pick a type.
  const penalised = features.control === 'radio-group' ? KINDS_TYPED_IN : NUMERIC_KINDS;
  for (const kind of penalised) {
    const total = scores.total.get(kind) ?? 0;
    if (total > 0) scores.add('hint', kind, `${features.control} of choices`, -total / 2);
  }
}

function addHints(features: FieldFeatures, scores: Scores) {
  const { maxLength, type, inputMode } = features;
  const numeric = inputMode === 'numeric' || inputMode === 'decimal' || type === 'number' || type === 'tel';
  const hint = (kind: FieldKind, reason: string, weight: number) => {
    if (scores.has(kind)) scores.add('hint', kind, reason, weight);
  };
  if (maxLength !== undefined && maxLength > 0) {
    if (maxLength === 9) hint('routing', 'maxlength 9', 0.15);
    if (maxLength < 9) hint('routing', `maxlength ${maxLength}`, -0.6);
    if (maxLength >= 15 && maxLength <= 20) {
      hint('account', `maxlength ${maxLength}`, 0.1);
      hint('account-confirm', `maxlength ${maxLength}`, 0.1);
    }
    if (maxLength < 4) {
      hint('account', `maxlength ${maxLength}`, -0.6);
      hint('account-confirm', `maxlength ${maxLength}`, -0.6);
    }
  }
  if (numeric) {
    for (const kind of NUMERIC_KINDS) hint(kind, 'numeric entry', 0.1);
    for (const kind of NAME_KINDS) hint(kind, 'numeric entry', -0.3);
  }
}

function decide(scores: Scores, mentionsWire: boolean): FieldClassification | null {
  const ranked = [...scores.total.entries()].sort((a, b) => b[1] - a[1]);
  const [winner, runnerUp] = ranked;
  if (!winner) return null;
  const [kind, best] = winner;
  const second = Math.max(0, runnerUp?.[1] ?? 0);
  if (best < MIN_SCORE || best - second < MIN_MARGIN) return null;
  const confidence = Math.round(Math.min(1, best) * (1 - second / best) * 100) / 100;
  const notes: FieldNote[] = kind === 'routing' && mentionsWire ? ['wire'] : [];
  return { kind, confidence, evidence: scores.evidence.filter((item) => item.kind === kind), notes };
}
