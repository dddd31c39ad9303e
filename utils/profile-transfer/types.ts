/**
 * What reading a profiles file produces, shared by the JSON and CSV readers and by the
 * background's import preview.
 */
import type { BankProfile } from '@/utils/bank/profile-schema';

/** A profile from the file that passed the bank core's checks. */
export interface ImportCandidate {
  /** 1-based line of the file where the row or JSON entry starts. */
  readonly line: number;
  /** The profile's id in the exporting vault, when the file carries one. */
  readonly id?: string;
  readonly profile: BankProfile;
}

export interface RejectedLine {
  readonly line: number;
  /** The bank core's own words, each prefixed with the field it is about. */
  readonly reasons: string[];
}

export type ProfileImportParse =
  | { readonly ok: true; readonly candidates: ImportCandidate[]; readonly rejected: RejectedLine[] }
  | { readonly ok: false; readonly reason: string };

export type ProfileFileFormat = 'json' | 'csv';

export interface ProfileImportOptions {
  /** ISO time given to profiles without timestamps; defaults to the current time. */
  readonly now?: string;
}

/** A saved profile as the exports write it. */
export type ExportableProfile = BankProfile & { readonly id: string };

export const PROFILES_FORMAT = 'ace-ach-assist-profiles';
export const PROFILES_FORMAT_VERSION = 1;

/** Larger files are refused before parsing: a vault of 10,000 profiles is about 5 MB of JSON. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/**
 * Ids kept from a file must look like ours (the store's ids do); any other id can match no saved
 * profile, so the import gives that profile a fresh one.
 */
export const PROFILE_ID_SHAPE = /^[A-Za-z0-9_-]{1,100}$/;
