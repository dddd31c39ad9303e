/**
 * Reads the FedACH directory's JSON download in chunks. A small scanner walks the structure and
 * hands each participant object to JSON.parse on its own, so the whole file is never parsed
 * (or held) at once, and one damaged participant does not lose the others.
 */
import { FedAchCollector } from './fedach-parse-result';
import type { FedAchParseResult, FedAchParserOptions, FedAchStreamParser } from './fedach-parse-result';
import { recordFromFields } from './fedach-record';
import type { FedAchFields } from './fedach-record';

const PARTICIPANTS_KEY = 'fedACHParticipants';
/** Keys and literals outside participants are short; longer text is not kept. */
const MAX_KEPT_TEXT = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;

interface Frame {
  readonly isArray: boolean;
  /** The key this container is the value of, if its parent is an object. */
  readonly key: string | undefined;
  readonly holdsParticipants: boolean;
}

function fieldText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** Routing numbers written as JSON numbers have lost their leading zero. */
function routingText(value: unknown): string {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? String(value).padStart(9, '0')
    : fieldText(value);
}

export function fieldsFromParticipant(participant: Record<string, unknown>): FedAchFields {
  return {
    routingNumber: routingText(participant.routingNumber),
    officeCode: fieldText(participant.officeCode).toUpperCase(),
    recordType: fieldText(participant.recordTypeCode),
    changeDate: fieldText(participant.changeDate),
    newRoutingNumber: routingText(participant.newRoutingNumber),
    name: fieldText(participant.customerName),
    city: fieldText(participant.customerCity),
    state: fieldText(participant.customerState),
    // Some downloads call it statusCode.
    institutionStatus: fieldText(participant.institutionStatusCode ?? participant.statusCode),
  };
}

export function createFedAchJsonParser(options: FedAchParserOptions = {}): FedAchStreamParser {
  const collector = new FedAchCollector(options.maxProblems);
  const stack: Frame[] = [];
  let line = 1;
  let started = false;
  let ended: FedAchParseResult | undefined;
  let inString = false;
  let escaped = false;
  let keptText = '';
  let expectingKey = false;
  let lastKey: string | undefined;
  let literal = '';
  let responseCode: number | undefined;
  let sawParticipantsList = false;
  // While a participant object is open: its depth, its text so far and where it began.
  let recordDepth = 0;
  let recordParts: string[] = [];
  let recordLine = 0;
  let participants = 0;

  const top = (): Frame | undefined => stack[stack.length - 1];
  const keyOfNextValue = (): string | undefined => (top()?.isArray === false ? lastKey : undefined);

  function takeValue(text: string): void {
    const frame = top();
    if (frame && !frame.isArray && frame.key === 'response' && lastKey === 'code') {
      const code = Number(text);
      if (Number.isFinite(code)) responseCode = code;
    }
  }

  function flushLiteral(): void {
    if (literal.length > 0) takeValue(literal);
    literal = '';
  }

  function finishRecord(): void {
    const text = recordParts.join('');
    recordParts = [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      collector.addProblem(recordLine, 'fedach.json-record', { line: recordLine, record: participants });
      return;
    }
    const result = recordFromFields(fieldsFromParticipant(parsed as Record<string, unknown>));
    if (typeof result === 'string') collector.addProblem(recordLine, result, { line: recordLine });
    else collector.addRecord(result, recordLine);
  }

  /**
   * Inside a participant only the nesting matters (JSON.parse reads it afterwards), so this
   * tight loop on local copies of the state finds where it closes: the index of the closing
   * brace, or -1 when the chunk ends first.
   */
  function scanRecord(chunk: string, from: number): number {
    let depth = recordDepth;
    let quoted = inString;
    let afterBackslash = escaped;
    let lines = line;
    let end = -1;
    for (let i = from; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === NEWLINE) lines++;
      else if (quoted) {
        if (afterBackslash) afterBackslash = false;
        else if (c === BACKSLASH) afterBackslash = true;
        else if (c === QUOTE) quoted = false;
      } else if (c === QUOTE) quoted = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) {
        end = i;
        break;
      }
    }
    recordDepth = depth;
    inString = quoted;
    escaped = afterBackslash;
    line = lines;
    return end;
  }

  return {
    push(chunk: string): void {
      if (ended) throw new Error('FedACH JSON parser: push() after end()');
      if (!started && chunk.length > 0) {
        started = true;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      let recordFrom = recordDepth > 0 ? 0 : -1;
      const length = chunk.length;
      for (let i = 0; i < length; i++) {
        if (recordDepth > 0) {
          const end = scanRecord(chunk, i);
          if (end === -1) break;
          recordParts.push(chunk.slice(recordFrom, end + 1));
          recordFrom = -1;
          finishRecord();
          i = end;
          continue;
        }
        const c = chunk.charCodeAt(i);
        if (c === NEWLINE) line++;
        if (inString) {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) {
            inString = false;
            if (expectingKey) lastKey = keptText;
            else takeValue(keptText);
            continue;
          }
          if (keptText.length < MAX_KEPT_TEXT) keptText += chunk[i];
          continue;
        }
        switch (c) {
          case QUOTE:
            flushLiteral();
            inString = true;
            keptText = '';
            break;
          case OPEN_BRACE:
            flushLiteral();
            if (top()?.holdsParticipants) {
              recordDepth = 1;
              recordFrom = i;
              recordLine = line;
              participants++;
            } else {
              stack.push({ isArray: false, key: keyOfNextValue(), holdsParticipants: false });
              expectingKey = true;
            }
            break;
          case OPEN_BRACKET: {
            flushLiteral();
            const key = keyOfNextValue();
            // A bare array of participants is accepted too.
            const holdsParticipants = key === PARTICIPANTS_KEY || stack.length === 0;
            if (holdsParticipants) sawParticipantsList = true;
            stack.push({ isArray: true, key, holdsParticipants });
            expectingKey = false;
            break;
          }
          case CLOSE_BRACE:
          case CLOSE_BRACKET:
            flushLiteral();
            stack.pop();
            expectingKey = false;
            break;
          case COMMA:
            flushLiteral();
            expectingKey = top()?.isArray === false;
            break;
          case COLON:
            expectingKey = false;
            break;
          default:
            if (c > 0x20 && literal.length < MAX_KEPT_TEXT) literal += chunk[i];
            else if (c <= 0x20) flushLiteral();
        }
      }
      if (recordDepth > 0 && recordFrom !== -1) recordParts.push(chunk.slice(recordFrom));
    },
    end(): FedAchParseResult {
      if (ended) return ended;
      flushLiteral();
      if (recordDepth > 0) collector.addProblem(recordLine, 'fedach.json-truncated');
      if (!sawParticipantsList) collector.addProblem(undefined, 'fedach.json-no-participants');
      recordDepth = 0;
      recordParts = [];
      ended = collector.result('json', participants, responseCode);
      return ended;
    },
  };
}

/** Reads a whole FedACH JSON download held in one string. */
export function parseFedAchJson(text: string, options: FedAchParserOptions = {}): FedAchParseResult {
  const parser = createFedAchJsonParser(options);
  parser.push(text);
  return parser.end();
}
