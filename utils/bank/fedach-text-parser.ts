/**
 * Reads the fixed-width FedACHdir.txt (155 characters a record) in chunks as they arrive, so a
 * 3 MB file is never held as one string next to its copies. Bad lines are reported by number
 * and skipped; the good ones are kept.
 *
 * Line numbers are those an editor shows, with one exception: records written back to back
 * (a file without line breaks, or any line four records long or more) count one line per
 * record, so a problem in such a file can still be found by its number.
 */
import { FedAchCollector } from './fedach-parse-result';
import type { FedAchParseResult, FedAchParserOptions, FedAchStreamParser } from './fedach-parse-result';
import { recordFromFields } from './fedach-record';

export const FEDACH_RECORD_LENGTH = 155;
/** Editors that strip trailing blanks cut the 5-character filler; the data end at column 150. */
const SHORTEST_USABLE_LINE = 150;
/**
 * A line this long cannot be one record with stray text, so it is read as records back to back.
 * Reading such a line before its end arrives keeps a file without line breaks from piling up.
 */
const LONG_LINE = FEDACH_RECORD_LENGTH * 4;

const isBlank = (text: string): boolean => text.length === 0 || (text.charCodeAt(0) <= 0x20 && text.trim().length === 0);

export function createFedAchTextParser(options: FedAchParserOptions = {}): FedAchStreamParser {
  const collector = new FedAchCollector(options.maxProblems);
  let pending = '';
  let lineNumber = 0;
  /** The line in progress was already partly read as back-to-back records. */
  let inLongLine = false;
  let started = false;
  let ended: FedAchParseResult | undefined;

  function readRecord(line: string): void {
    const result = recordFromFields({
      routingNumber: line.slice(0, 9),
      officeCode: line[9]!,
      recordType: line[19]!,
      changeDate: line.slice(20, 26),
      newRoutingNumber: line.slice(26, 35),
      name: line.slice(35, 71).trim(),
      city: line.slice(107, 127).trim(),
      state: line.slice(127, 129).trim(),
      institutionStatus: line[148]!.trim(),
    });
    if (typeof result === 'string') collector.addProblem(lineNumber, result, { line: lineNumber });
    else collector.addRecord(result, lineNumber);
  }

  /** One record-sized piece whose line number is already counted. */
  function readPiece(piece: string): void {
    const length = piece.length;
    if (length === FEDACH_RECORD_LENGTH) return readRecord(piece);
    // Real records start with a digit, so only pieces starting with a blank pay for the trim.
    if (isBlank(piece)) return;
    if (length > FEDACH_RECORD_LENGTH && piece.slice(FEDACH_RECORD_LENGTH).trim().length === 0) {
      return readRecord(piece.slice(0, FEDACH_RECORD_LENGTH));
    }
    if (length >= SHORTEST_USABLE_LINE && length < FEDACH_RECORD_LENGTH) return readRecord(piece.padEnd(FEDACH_RECORD_LENGTH));
    collector.addProblem(lineNumber, 'fedach.line-length', { line: lineNumber, found: length });
  }

  /** Records back to back, one line number each. */
  function readBackToBack(text: string): void {
    for (let at = 0; at < text.length; at += FEDACH_RECORD_LENGTH) {
      lineNumber++;
      readPiece(text.slice(at, at + FEDACH_RECORD_LENGTH));
    }
  }

  /** A line without its line break, and without CRs inside. */
  function readLinePart(part: string): void {
    const length = part.length;
    const longOrBackToBack =
      inLongLine ||
      length >= LONG_LINE ||
      (length > FEDACH_RECORD_LENGTH && length % FEDACH_RECORD_LENGTH === 0 && !isBlank(part.slice(FEDACH_RECORD_LENGTH)));
    if (longOrBackToBack) {
      inLongLine = false;
      return readBackToBack(part);
    }
    lineNumber++;
    readPiece(part);
  }

  function readLine(raw: string): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!line.includes('\r')) return readLinePart(line);
    // Old Mac files end lines with CR alone.
    for (const part of line.split('\r')) readLinePart(part);
  }

  /** Reads what it safely can of a long run without a line feed, so it cannot grow unbounded. */
  function drainLongRun(): void {
    // A CR at the very end may be the first half of a CRLF split across chunks: leave it.
    const available = pending.endsWith('\r') ? pending.length - 1 : pending.length;
    if (available < LONG_LINE) return;
    const cr = pending.lastIndexOf('\r', available - 1);
    if (cr !== -1) {
      // Every CR up to here ends a line; none of them can belong to a CRLF.
      for (const part of pending.slice(0, cr).split('\r')) readLinePart(part);
      pending = pending.slice(cr + 1);
      return;
    }
    const whole = available - (available % FEDACH_RECORD_LENGTH);
    readBackToBack(pending.slice(0, whole));
    pending = pending.slice(whole);
    inLongLine = true;
  }

  return {
    push(chunk: string): void {
      if (ended) throw new Error('FedACH text parser: push() after end()');
      if (chunk.length === 0) return;
      if (!started) {
        started = true;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      let start = 0;
      let newline = chunk.indexOf('\n');
      if (newline !== -1 && pending.length > 0) {
        // Only the line split across chunks is joined, so the chunk itself is never copied.
        readLine(pending + chunk.slice(0, newline));
        pending = '';
        start = newline + 1;
        newline = chunk.indexOf('\n', start);
      }
      while (newline !== -1) {
        readLine(chunk.slice(start, newline));
        start = newline + 1;
        newline = chunk.indexOf('\n', start);
      }
      pending = pending.length > 0 ? pending + chunk.slice(start) : chunk.slice(start);
      drainLongRun();
    },
    end(): FedAchParseResult {
      if (ended) return ended;
      if (pending.length > 0 || inLongLine) readLine(pending);
      pending = '';
      ended = collector.result('text', lineNumber);
      return ended;
    },
  };
}

/** Reads a whole FedACHdir.txt held in one string. */
export function parseFedAchText(text: string, options: FedAchParserOptions = {}): FedAchParseResult {
  const parser = createFedAchTextParser(options);
  parser.push(text);
  return parser.end();
}
