/**
 * The compact FedACH directory record both file formats are read into. It keeps only what the
 * extension shows or decides on (name, city, state, status, replacement), as a plain object, so
 * ~19,000 of them fit comfortably in IndexedDB and structured clone.
 */
import type { BankProblemCode } from './messages';

/** O = main office, B = branch. */
export type FedAchOfficeCode = 'O' | 'B';
/** 0 = a Federal Reserve Bank, 1 = send to this routing number, 2 = replaced: send to the new one. */
export type FedAchRecordType = '0' | '1' | '2';

export interface FedAchRecord {
  readonly routingNumber: string;
  readonly officeCode: FedAchOfficeCode;
  readonly recordType: FedAchRecordType;
  /** Only for record type 2: where entries for this routing number now go. */
  readonly newRoutingNumber?: string;
  /** Date of the last change, YYYY-MM-DD, when the file gives one. */
  readonly changeDate?: string;
  readonly name: string;
  readonly city: string;
  readonly state: string;
  /** Institution status code as in the file; '1' = receives government and commercial entries. */
  readonly institutionStatus: string;
}

/** The directory fields as text, however the file spelled them. */
export interface FedAchFields {
  readonly routingNumber: string;
  readonly officeCode: string;
  readonly recordType: string;
  readonly changeDate: string;
  readonly newRoutingNumber: string;
  readonly name: string;
  readonly city: string;
  readonly state: string;
  readonly institutionStatus: string;
}

export type FedAchRecordProblemCode = Extract<
  BankProblemCode,
  'fedach.routing' | 'fedach.office-code' | 'fedach.record-type' | 'fedach.new-routing' | 'fedach.name'
>;

const isDigitAt = (text: string, at: number): boolean => {
  const code = text.charCodeAt(at);
  return code >= 0x30 && code <= 0x39;
};

export function isNineDigits(text: string): boolean {
  if (text.length !== 9) return false;
  for (let at = 0; at < 9; at++) if (!isDigitAt(text, at)) return false;
  return true;
}

/** MMDDYY as the Fed writes it, to YYYY-MM-DD; FedACH began in the 1970s, so 70–99 are 19xx. */
export function changeDateToIso(text: string): string | undefined {
  if (text.length === 10 && /^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  if (text.length !== 6) return undefined;
  for (let at = 0; at < 6; at++) if (!isDigitAt(text, at)) return undefined;
  const month = text.slice(0, 2);
  const day = text.slice(2, 4);
  if (month < '01' || month > '12' || day < '01' || day > '31') return undefined;
  const year = (text.charCodeAt(4) - 0x30) * 10 + (text.charCodeAt(5) - 0x30);
  return `${year >= 70 ? 1900 + year : 2000 + year}-${month}-${day}`;
}

/** A record from the fields, or the code of the first field that makes the record unusable. */
export function recordFromFields(fields: FedAchFields): FedAchRecord | FedAchRecordProblemCode {
  const { routingNumber, officeCode, recordType, newRoutingNumber, name } = fields;
  if (!isNineDigits(routingNumber)) return 'fedach.routing';
  if (officeCode !== 'O' && officeCode !== 'B') return 'fedach.office-code';
  if (recordType !== '0' && recordType !== '1' && recordType !== '2') return 'fedach.record-type';
  const replaced = recordType === '2';
  if (replaced && (!isNineDigits(newRoutingNumber) || newRoutingNumber === '000000000')) return 'fedach.new-routing';
  if (name.length === 0) return 'fedach.name';
  const changeDate = changeDateToIso(fields.changeDate);
  // Optional keys are left out rather than set to undefined so records stay small when stored.
  const record: {
    -readonly [K in keyof FedAchRecord]: FedAchRecord[K];
  } = { routingNumber, officeCode, recordType, name, city: fields.city, state: fields.state, institutionStatus: fields.institutionStatus };
  if (replaced) record.newRoutingNumber = newRoutingNumber;
  if (changeDate) record.changeDate = changeDate;
  return record;
}
