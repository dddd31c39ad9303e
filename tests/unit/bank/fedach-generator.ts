/**
 * Makes FedACH directory files in the Fed's real formats (fixed-width FedACHdir.txt and the
 * JSON download) from seeded random data. The product ships no directory, since the Fed forbids
 * redistribution, so the tests and the benchmark generate their own.
 */
import type { FedAchRecord } from '../../../utils/bank/fedach-record';
import { abaCheckDigit } from '../../../utils/bank/routing-number';
import { seededRandom, type Random } from '../../support/seeded-random';

/** One directory entry with every field of the file, as text the way the Fed writes it. */
export interface FedAchEntry {
  routingNumber: string;
  officeCode: string;
  servicingFrbNumber: string;
  recordTypeCode: string;
  /** MMDDYY */
  changeDate: string;
  newRoutingNumber: string;
  customerName: string;
  customerAddress: string;
  customerCity: string;
  customerState: string;
  customerZip: string;
  customerZipExt: string;
  customerAreaCode: string;
  customerPhonePrefix: string;
  customerPhoneSuffix: string;
  institutionStatusCode: string;
  dataViewCode: string;
}

export interface FedAchGeneratorOptions {
  readonly seed?: number;
  /** Share of entries replaced by another routing number (record type 2). */
  readonly replacedShare?: number;
  readonly branchShare?: number;
  /** Share of entries that do not receive government entries (status other than 1). */
  readonly nonGovernmentShare?: number;
}

export { seededRandom, type Random };

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const digitsOf = (random: Random, count: number): string => {
  let text = '';
  for (let i = 0; i < count; i++) text += Math.floor(random() * 10);
  return text;
};

export const ACCEPTED_PREFIXES: readonly string[] = [
  ...Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')),
  ...Array.from({ length: 12 }, (_, i) => String(i + 21)),
];

/** A checksum-valid routing number with an accepted prefix. */
export function randomRoutingNumber(random: Random): string {
  const firstEight = pick(random, ACCEPTED_PREFIXES) + digitsOf(random, 6);
  return firstEight + abaCheckDigit(firstEight);
}

const NAME_STARTS = ['FIRST', 'CITIZENS', 'PEOPLES', 'FARMERS', 'MERCHANTS', 'COMMUNITY', 'SECURITY', 'UNION', 'HERITAGE', 'PIONEER', 'GRANITE', "O'NEILL", 'SUMMIT', 'RIVER VALLEY', 'LAKESIDE', 'PRAIRIE'];
const NAME_ENDS = ['NATIONAL BANK', 'STATE BANK', 'SAVINGS BANK', 'CREDIT UNION', 'BANK & TRUST', 'FEDERAL CREDIT UNION', 'BANK, N.A.', 'SAVINGS & LOAN'];
const PLACES: readonly (readonly [city: string, state: string])[] = [
  ['TAMPA', 'FL'], ['NEW YORK', 'NY'], ['CHICAGO', 'IL'], ['DALLAS', 'TX'], ['SEATTLE', 'WA'],
  ['DES MOINES', 'IA'], ['BOISE', 'ID'], ['SAN JUAN', 'PR'], ['ANCHORAGE', 'AK'], ['LOUISVILLE', 'KY'],
  ['SALT LAKE CITY', 'UT'], ['WINSTON-SALEM', 'NC'], ['ST. LOUIS', 'MO'], ['COEUR D ALENE', 'ID'],
  ['PORTLAND', 'ME'], ['PORTLAND', 'OR'], ['BATON ROUGE', 'LA'], ['HONOLULU', 'HI'],
];
const STREETS = ['MAIN STREET', 'MARKET ST', 'BROADWAY', 'PO BOX', 'COMMERCE DRIVE', 'CENTRAL AVE'];
const FED_BANKS = ['011000015', '021001208', '031000040', '041000014', '051000033', '061000146', '071000301', '081000045', '091000080', '101000048', '111000038', '121000374'];

function mmddyy(random: Random): string {
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  return month + day + pick(random, ['98', '05', '12', '19', '23', '25']);
}

/** An entry with plausible values; `overrides` pins the fields a test cares about. */
export function makeFedAchEntry(random: Random, overrides: Partial<FedAchEntry> = {}): FedAchEntry {
  const [city, state] = pick(random, PLACES);
  return {
    routingNumber: randomRoutingNumber(random),
    officeCode: 'O',
    servicingFrbNumber: pick(random, FED_BANKS),
    recordTypeCode: '1',
    changeDate: mmddyy(random),
    newRoutingNumber: '000000000',
    customerName: `${pick(random, NAME_STARTS)} ${pick(random, NAME_ENDS)}`.slice(0, 36),
    customerAddress: `${1 + Math.floor(random() * 9000)} ${pick(random, STREETS)}`,
    customerCity: city,
    customerState: state,
    customerZip: digitsOf(random, 5),
    customerZipExt: random() < 0.5 ? digitsOf(random, 4) : '0000',
    customerAreaCode: digitsOf(random, 3),
    customerPhonePrefix: digitsOf(random, 3),
    customerPhoneSuffix: digitsOf(random, 4),
    institutionStatusCode: '1',
    dataViewCode: '1',
    ...overrides,
  };
}

/** `count` entries with distinct routing numbers; replaced ones point at another entry. */
export function generateFedAchEntries(count: number, options: FedAchGeneratorOptions = {}): FedAchEntry[] {
  const random = seededRandom(options.seed ?? 1);
  const { replacedShare = 0.03, branchShare = 0.45, nonGovernmentShare = 0.01 } = options;
  const seen = new Set<string>();
  const entries: FedAchEntry[] = [];
  while (entries.length < count) {
    const entry = makeFedAchEntry(random, {
      officeCode: random() < branchShare ? 'B' : 'O',
      institutionStatusCode: random() < nonGovernmentShare ? '2' : '1',
    });
    if (seen.has(entry.routingNumber)) continue;
    seen.add(entry.routingNumber);
    entries.push(entry);
  }
  for (const entry of entries) {
    if (entries.length > 1 && random() < replacedShare) {
      let target = pick(random, entries);
      while (target === entry) target = pick(random, entries);
      entry.recordTypeCode = '2';
      entry.newRoutingNumber = target.routingNumber;
    }
  }
  return entries;
}

const field = (text: string, width: number): string => text.slice(0, width).padEnd(width, ' ');

/** One record of FedACHdir.txt: exactly 155 characters, fields at the Fed's columns. */
export function fedAchTextLine(entry: FedAchEntry): string {
  return (
    field(entry.routingNumber, 9) +
    field(entry.officeCode, 1) +
    field(entry.servicingFrbNumber, 9) +
    field(entry.recordTypeCode, 1) +
    field(entry.changeDate, 6) +
    field(entry.newRoutingNumber, 9) +
    field(entry.customerName, 36) +
    field(entry.customerAddress, 36) +
    field(entry.customerCity, 20) +
    field(entry.customerState, 2) +
    field(entry.customerZip, 5) +
    field(entry.customerZipExt, 4) +
    field(entry.customerAreaCode + entry.customerPhonePrefix + entry.customerPhoneSuffix, 10) +
    field(entry.institutionStatusCode, 1) +
    field(entry.dataViewCode, 1) +
    field('', 5)
  );
}

export interface FedAchTextOptions {
  /** '' writes the records back to back with no line breaks. */
  readonly lineEnding?: '\r\n' | '\n' | '\r' | '';
  readonly trailingLineEnding?: boolean;
}

export function fedAchText(entries: readonly FedAchEntry[], options: FedAchTextOptions = {}): string {
  const { lineEnding = '\r\n', trailingLineEnding = true } = options;
  const body = entries.map(fedAchTextLine).join(lineEnding);
  return trailingLineEnding && entries.length > 0 ? body + lineEnding : body;
}

export interface FedAchJsonOptions {
  /** Some downloads say statusCode instead of institutionStatusCode. */
  readonly statusKey?: 'institutionStatusCode' | 'statusCode';
  readonly indent?: number;
  readonly responseCode?: number;
}

export function fedAchJson(entries: readonly FedAchEntry[], options: FedAchJsonOptions = {}): string {
  const { statusKey = 'institutionStatusCode', indent, responseCode = 200 } = options;
  const participants = entries.map(({ institutionStatusCode, ...rest }) => ({ ...rest, [statusKey]: institutionStatusCode }));
  return JSON.stringify(
    { fedACHParticipants: { response: { code: responseCode }, fedACHParticipants: participants } },
    null,
    indent,
  );
}

/** What the parsers should make of a generated entry. */
export function expectedRecord(entry: FedAchEntry): FedAchRecord {
  const yy = Number(entry.changeDate.slice(4, 6));
  const changeDate = `${yy >= 70 ? 1900 + yy : 2000 + yy}-${entry.changeDate.slice(0, 2)}-${entry.changeDate.slice(2, 4)}`;
  const record: FedAchRecord = {
    routingNumber: entry.routingNumber,
    officeCode: entry.officeCode as FedAchRecord['officeCode'],
    recordType: entry.recordTypeCode as FedAchRecord['recordType'],
    name: entry.customerName.trim(),
    city: entry.customerCity.trim(),
    state: entry.customerState.trim(),
    institutionStatus: entry.institutionStatusCode,
    changeDate,
  };
  return entry.recordTypeCode === '2' ? { ...record, newRoutingNumber: entry.newRoutingNumber } : record;
}

/** Cuts text into pieces of varying size, as a stream would deliver it. */
export function chunksOf(text: string, random: Random, maxChunk = 4096): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < text.length; ) {
    const size = 1 + Math.floor(random() * maxChunk);
    chunks.push(text.slice(at, at + size));
    at += size;
  }
  return chunks;
}
