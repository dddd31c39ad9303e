/**
 * The imported FedACH directory as an index by routing number, and the lookup the background
 * answers directory/lookup with: which bank a routing number belongs to and whether it can take
 * CBP's refund (judged by form-checks/bank-entry-check.ts).
 */
import { scanDigitInput } from './digit-input';
import type { FedAchRecord } from './fedach-record';
import { isNineDigits } from './fedach-record';

export type FedAchIndex = ReadonlyMap<string, FedAchRecord>;

export interface FedAchFound {
  readonly found: true;
  readonly routingNumber: string;
  readonly record: FedAchRecord;
  readonly bankName: string;
  readonly city: string;
  readonly state: string;
  /** Listed in the directory, so the bank takes ACH entries at this number. */
  readonly achParticipant: true;
  /** Institution status 1: takes government entries, which CBP's refunds are. */
  readonly receivesGovernmentEntries: boolean;
  /** For record type 2: the routing number entries now go to. */
  readonly replacedBy?: string;
  /** The replacement's own record, when the directory has it. */
  readonly replacement?: FedAchRecord;
}

export interface FedAchNotFound {
  readonly found: false;
  /** The 9 digits looked up; absent when the entry was not 9 digits. */
  readonly routingNumber?: string;
  readonly achParticipant: false;
}

export type FedAchLookup = FedAchFound | FedAchNotFound;

/** Keeps the first record of a routing number, as the parsers do. */
export function buildFedAchIndex(records: Iterable<FedAchRecord>): FedAchIndex {
  const index = new Map<string, FedAchRecord>();
  for (const record of records) if (!index.has(record.routingNumber)) index.set(record.routingNumber, record);
  return index;
}

export function receivesGovernmentEntries(record: FedAchRecord): boolean {
  return record.institutionStatus === '1';
}

// Answers are kept (frozen) per record: the content script looks the same number up on every
// keystroke, and a shared answer costs no allocation. Weak, so a replaced directory takes its
// answers along.
const foundAnswers = new WeakMap<FedAchRecord, FedAchFound>();

function answerFor(index: FedAchIndex, record: FedAchRecord): FedAchFound {
  const found: FedAchFound = {
    found: true,
    routingNumber: record.routingNumber,
    record,
    bankName: record.name,
    city: record.city,
    state: record.state,
    achParticipant: true,
    receivesGovernmentEntries: receivesGovernmentEntries(record),
  };
  if (record.newRoutingNumber === undefined) return Object.freeze(found);
  const replacement = index.get(record.newRoutingNumber);
  return Object.freeze(
    replacement
      ? { ...found, replacedBy: record.newRoutingNumber, replacement }
      : { ...found, replacedBy: record.newRoutingNumber },
  );
}

/** Accepts the 9 digits or an entry as typed (spaces, hyphens); anything else is not found. */
export function lookupRoutingNumber(index: FedAchIndex, routingNumber: string): FedAchLookup {
  let digits = routingNumber;
  if (!isNineDigits(routingNumber)) {
    const scan = scanDigitInput(String(routingNumber), 0);
    // An entry refused for an invisible character or a letter is not the number its digits
    // spell: naming a bank for it would say "found" beside "refused".
    if (scan.flaggedCount > 0) return { found: false, achParticipant: false };
    digits = scan.digits;
  }
  if (digits.length !== 9) return { found: false, achParticipant: false };
  const record = index.get(digits);
  if (!record) return { found: false, routingNumber: digits, achParticipant: false };
  let answer = foundAnswers.get(record);
  // The replacement is looked up in this index, so an answer made for another index is redone.
  if (!answer || (record.newRoutingNumber !== undefined && answer.replacement !== index.get(record.newRoutingNumber))) {
    answer = answerFor(index, record);
    foundAnswers.set(record, answer);
  }
  return answer;
}
