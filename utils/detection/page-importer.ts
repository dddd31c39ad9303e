/**
 * Which importer an ACE page is about, from the labelled values it shows: each text run (one
 * element's text, read element by element, never glued to its neighbours) with the label the
 * page puts beside it and the heading of the section, card or dialog around it. The importer's
 * number is the one labelled as the importer's ("IR #", "Importer Number"); a broker's, filer's,
 * designated agent's or consignee's number never is. When the page leaves it unclear, the user
 * is asked (the candidates). Pure: the DOM reading is utils/content/page-importer-runs.ts.
 */
import { findImporterNumbers } from '@/utils/bank/importer-number-search';

export interface ImporterRun {
  /** The words the page puts beside the value: a dt, a label cell, a title span; '' when none. */
  readonly label: string;
  /** One element's own text holding the number: "IR #: 12-345678900", a header meta line. */
  readonly value: string;
  /** The heading or name of the section, card or dialog holding it; '' when none. */
  readonly context: string;
}

/** What the words nearest a number say it is. */
export type ImporterRole = 'importer' | 'other-party' | 'unnamed';

export interface ImporterCandidate {
  /** Normalised (12-345678900). */
  readonly importerNumber: string;
  readonly role: ImporterRole;
  /** Indexes of the runs showing it under that role's words (to mark them). */
  readonly runs: readonly number[];
}

export type PageImporter =
  | { readonly status: 'found'; readonly importerNumber: string; readonly runs: readonly number[] }
  /** Several numbers could be the importer's: the user chooses among `candidates`. */
  | { readonly status: 'unclear'; readonly candidates: readonly ImporterCandidate[] }
  | { readonly status: 'none' };

/** More than this many candidates would not fit the question (and the protocol's limit). */
export const MAX_IMPORTER_CANDIDATES = 20;
/** A previous segment longer than this is a sentence or a name, not a label. */
const MAX_SEGMENT_LABEL = 40;
/** Words before a number in its own text that still name it ("Importer of Record No."). */
const INLINE_LABEL_WORDS = 5;

/** Separators of a header meta line: "Importer · IR# 12-345678900 · Nogales, AZ". */
const SEPARATOR = /[·•|¦;,\n\t\u2022\u2023\u25AA\u25CF]|\s[-\u2013\u2014]\s|\s{3,}/g;

// Another party's number, whatever else the label says ("Designated Agent IR #", "Importer's
// Broker"): these words win over the importer's.
const OTHER_PARTY =
  /\b(?:brokers?|filers?|agents?|consignees?|surety|sureties|carriers?|forwarders?|preparers?|notify|care of|c o|manufacturers?|suppliers?|sellers?|buyers?|shippers?)\b/;
const IMPORTER = /\b(?:importers?|ior|ir|irs)\b/;

function words(text: string): string {
  return ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
}

export function roleOfWords(text: string): ImporterRole {
  const plain = words(text);
  if (OTHER_PARTY.test(plain)) return 'other-party';
  if (IMPORTER.test(plain)) return 'importer';
  return 'unnamed';
}

/** The context's role only when it names one side: "Broker and importer" names neither. */
function roleOfContext(text: string): ImporterRole {
  const plain = words(text);
  const other = OTHER_PARTY.test(plain);
  const importer = IMPORTER.test(plain);
  if (other === importer) return 'unnamed';
  return other ? 'other-party' : 'importer';
}

interface Segment {
  readonly start: number;
  readonly end: number;
}

function segmentsOf(text: string): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  for (const separator of text.matchAll(SEPARATOR)) {
    segments.push({ start, end: separator.index });
    start = separator.index + separator[0].length;
  }
  segments.push({ start, end: text.length });
  return segments;
}

/** The words labelling the number at `index` inside its own run, nearest first. */
function inlineLabels(text: string, index: number, previousEnd: number, segments: readonly Segment[]): string[] {
  const at = segments.findIndex((segment) => index >= segment.start && index < segment.end);
  const segment = segments[at];
  if (!segment) return [];
  const own = text.slice(Math.max(segment.start, previousEnd), index).trim();
  // In a sentence, the words right before the number name it, not the sentence's start.
  if (own) return [own.split(/\s+/).slice(-INLINE_LABEL_WORDS).join(' ')];
  // "Importer · 12-345678900": the segment before names it, unless it holds a number itself.
  const before = segments[at - 1];
  if (!before || before.end <= previousEnd) return [];
  const previous = text.slice(before.start, before.end).trim();
  return previous.length <= MAX_SEGMENT_LABEL && findImporterNumbers(previous).length === 0 ? [previous] : [];
}

function roleOf(labels: readonly string[], context: string): ImporterRole {
  for (const label of labels) {
    const role = roleOfWords(label);
    if (role !== 'unnamed') return role;
  }
  return roleOfContext(context);
}

const RANK: Record<ImporterRole, number> = { importer: 2, unnamed: 1, 'other-party': 0 };

/** Every importer-number-shaped value of the runs, with what its nearest words say it is. */
export function importerCandidates(runs: readonly ImporterRun[]): ImporterCandidate[] {
  const byNumber = new Map<string, { role: ImporterRole; runs: number[] }>();
  runs.forEach((run, runIndex) => {
    const text = typeof run?.value === 'string' ? run.value : '';
    const matches = findImporterNumbers(text);
    if (matches.length === 0) return;
    const segments = segmentsOf(text);
    let previousEnd = 0;
    for (const match of matches) {
      const inline = inlineLabels(text, match.index, previousEnd, segments);
      previousEnd = match.index + match.text.length;
      const label = typeof run.label === 'string' ? run.label : '';
      const role = roleOf([...inline, label], typeof run.context === 'string' ? run.context : '');
      const number = match.importer.value;
      const known = byNumber.get(number);
      // A number labelled the importer's anywhere is the importer's; its other places add nothing.
      if (!known || RANK[role] > RANK[known.role]) byNumber.set(number, { role, runs: [runIndex] });
      else if (RANK[role] === RANK[known.role] && !known.runs.includes(runIndex)) known.runs.push(runIndex);
    }
  });
  return [...byNumber].map(([importerNumber, found]) => ({ importerNumber, role: found.role, runs: found.runs }));
}

/**
 * The page's importer: the one number labelled as the importer's; else the one number no label
 * gives to another party; several such numbers are a question for the user; a page showing
 * only other parties' numbers shows no importer.
 */
export function choosePageImporter(runs: readonly ImporterRun[]): PageImporter {
  const candidates = importerCandidates(Array.isArray(runs) ? runs : []);
  for (const role of ['importer', 'unnamed'] as const) {
    const ofRole = candidates.filter((candidate) => candidate.role === role);
    if (ofRole.length === 1) return { status: 'found', importerNumber: ofRole[0]!.importerNumber, runs: ofRole[0]!.runs };
    if (ofRole.length > 1) return { status: 'unclear', candidates: ofRole.slice(0, MAX_IMPORTER_CANDIDATES) };
  }
  return { status: 'none' };
}
