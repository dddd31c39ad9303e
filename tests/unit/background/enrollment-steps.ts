/**
 * Steps the enrollment tests share: an ACE tab's frames as the browser reports them, profiles
 * of two importers, a look at CBP's file (page/compare asked to record), and the status rows.
 */
import type { SenderFacts } from '@/utils/messaging/classify-sender';
import type { RequestOf } from '@/utils/messaging/protocol';
import { OWN_ID, sampleProfile, type Harness } from './harness';

export const ACE_PAGE = 'https://ace.cbp.gov/s/importer/001?tabset=ach#refund';
export const ACME = '12-345678900';
export const BETA = '98-765432100';
export const NEVER = '55-555555500';
export const ACME_ACCOUNT = '000246813579';
export const BETA_ACCOUNT = '000987651122';

/** A frame of an ACE tab: the top frame unless `frameId` says otherwise. */
export function aceFrame(tabId = 7, overrides: Partial<SenderFacts> = {}): SenderFacts {
  return { id: OWN_ID, url: ACE_PAGE, origin: 'https://ace.cbp.gov', tab: { id: tabId }, frameId: 0, documentId: `doc-${tabId}`, ...overrides };
}

/** What CBP's file shows for Acme's profile as saved: routing, masked account, type. */
export const ACME_ON_FILE = { routing: '021000021', account: '*****3579', accountType: '01 - Checking' } as const;

export interface Profiles {
  readonly acme: string;
  readonly beta: string;
  readonly never: string;
}

/** Acme and Beta, whose tabs the tests visit, and a third importer nobody looks at. */
export async function withProfiles(harness: Harness): Promise<Profiles> {
  const save = async (overrides: Parameters<typeof sampleProfile>[0]) =>
    (await harness.call('profiles/save', { profile: sampleProfile(overrides) })).profile.id;
  const acme = await save({
    label: 'Acme main',
    importerName: 'Acme Imports LLC',
    importerNumbers: [ACME],
    accountNumber: ACME_ACCOUNT,
  });
  const beta = await save({
    label: 'Beta savings',
    importerName: 'Beta Trading Co',
    importerNumbers: [BETA],
    routingNumber: '011000015',
    bankName: 'FEDERAL RESERVE BANK OF BOSTON',
    accountNumber: BETA_ACCOUNT,
    accountType: 'savings',
  });
  const never = await save({ label: 'Never visited', importerName: 'Gamma Goods', importerNumbers: [NEVER], accountNumber: '000111122223' });
  return { acme, beta, never };
}

/** The tab's top frame says which importer its page shows. */
export async function showImporter(harness: Harness, importerNumber: string, tabId = 7): Promise<void> {
  await harness.from(aceFrame(tabId))('page/importer', { importerNumbers: [importerNumber] });
}

/** One look at CBP's file after Get Info/Refresh, recorded. */
export function lookOnFile(harness: Harness, onFile: RequestOf<'page/compare'>['onFile'], sender: SenderFacts = aceFrame()) {
  return harness.from(sender)('page/compare', { form: {}, onFile, recordVerification: true, page: ACE_PAGE });
}

export async function rows(harness: Harness) {
  return (await harness.call('enrollment/list', {})).rows;
}

export async function rowOf(harness: Harness, importerNumber: string) {
  const row = (await rows(harness)).find((candidate) => candidate.importerNumber === importerNumber);
  if (!row) throw new Error(`no row for ${importerNumber}`);
  return row;
}

/** The importer's status column and every status it carries. */
export async function statusOf(harness: Harness, importerNumber: string) {
  const { status, statuses } = await rowOf(harness, importerNumber);
  return { status, statuses };
}
