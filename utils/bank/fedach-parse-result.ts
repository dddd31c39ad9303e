/**
 * What reading a FedACH directory file produces, shared by the text and JSON readers: the good
 * records, and the bad lines with their line numbers, capped so a wrong file (a PDF, a web page)
 * cannot flood the import screen.
 */
import type { BankMessageParams, BankProblemCode } from './messages';
import type { FedAchRecord } from './fedach-record';
import { makeProblem } from './problems';
import type { Problem } from './problems';

export interface FedAchImportProblem extends Problem {
  /** 1-based line of the file the problem is on; absent for problems about the whole file. */
  readonly line?: number;
}

export interface FedAchParseResult {
  readonly format: 'text' | 'json';
  /** Good records in file order, duplicates of a routing number left out after the first. */
  readonly records: FedAchRecord[];
  /** The first `maxProblems` problems, in file order. */
  readonly problems: FedAchImportProblem[];
  /** Every problem found, including those beyond the cap. */
  readonly problemCount: number;
  /** Lines read (text) or participants read (JSON). */
  readonly itemsRead: number;
  /** The JSON file's `response.code`, when it has one. */
  readonly responseCode?: number;
}

/** Reads a file given in pieces, e.g. from `Blob.stream()` through a TextDecoderStream. */
export interface FedAchStreamParser {
  push(chunk: string): void;
  end(): FedAchParseResult;
}

export interface FedAchParserOptions {
  /** How many problems to keep in full; the rest are only counted. */
  readonly maxProblems?: number;
}

export const DEFAULT_MAX_IMPORT_PROBLEMS = 200;

/** Collects records and problems, and drops repeated routing numbers with a note. */
export class FedAchCollector {
  readonly records: FedAchRecord[] = [];
  readonly problems: FedAchImportProblem[] = [];
  problemCount = 0;
  // Keyed by the routing number's value: small-integer keys keep the map out of the garbage
  // collector's way, which halves the time to read a full directory.
  private readonly firstLineByRouting = new Map<number, number>();

  constructor(private readonly maxProblems: number = DEFAULT_MAX_IMPORT_PROBLEMS) {}

  addRecord(record: FedAchRecord, line: number): void {
    const key = Number(record.routingNumber);
    const firstLine = this.firstLineByRouting.get(key);
    if (firstLine !== undefined) {
      this.addProblem(line, 'fedach.duplicate', { line, firstLine });
      return;
    }
    this.firstLineByRouting.set(key, line);
    this.records.push(record);
  }

  addProblem<C extends BankProblemCode>(line: number | undefined, code: C, ...params: BankMessageParams<C>): void {
    this.problemCount++;
    if (this.problems.length >= this.maxProblems) return;
    const problem = makeProblem(code, ...params);
    this.problems.push(line === undefined ? problem : { ...problem, line });
  }

  result(format: 'text' | 'json', itemsRead: number, responseCode?: number): FedAchParseResult {
    // A file already refused as a whole needs no second message saying it held nothing.
    const refused = this.problems.some((problem) => problem.code === 'fedach.json-no-participants');
    if (this.records.length === 0 && !refused) this.addProblem(undefined, 'fedach.no-records');
    const result = { format, records: this.records, problems: this.problems, problemCount: this.problemCount, itemsRead };
    return responseCode === undefined ? result : { ...result, responseCode };
  }
}
