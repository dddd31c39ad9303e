/**
 * The one entry point of the import readers (the options page's import worker): refuses files that cannot be a
 * profiles file at all (empty, too large), then hands the text to the JSON or CSV reader.
 */
import { startProfilesCsv } from './csv-import';
import { runToEnd, type ProfileImportRun } from './import-run';
import { startProfilesJson } from './json-import';
import { MAX_IMPORT_BYTES } from './types';
import type { ProfileFileFormat, ProfileImportOptions, ProfileImportParse } from './types';

/** UTF-8 size without building the bytes. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function tooLargeReason(bytes: number): string {
  const megabytes = (bytes / (1024 * 1024)).toFixed(1);
  return `The file is ${megabytes} MB; profiles files over ${MAX_IMPORT_BYTES / (1024 * 1024)} MB are not imported.`;
}

export function isOverImportLimit(text: string): boolean {
  // Every character is at least one byte and at most three per UTF-16 unit, so most texts need no count.
  if (text.length > MAX_IMPORT_BYTES) return true;
  if (text.length * 3 <= MAX_IMPORT_BYTES) return false;
  return utf8ByteLength(text) > MAX_IMPORT_BYTES;
}

/** The file checked as a whole, its rows left to check batch by batch (the import worker's way). */
export function startProfileImport(
  text: string,
  format: ProfileFileFormat,
  options: ProfileImportOptions = {},
): ProfileImportRun {
  if (isOverImportLimit(text)) return { ok: false, reason: tooLargeReason(utf8ByteLength(text)) };
  const content = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (content.trim().length === 0) return { ok: false, reason: 'The file is empty.' };
  const now = options.now ?? new Date().toISOString();
  if (format === 'json') return startProfilesJson(content, now);
  if (format === 'csv') return startProfilesCsv(content, now);
  return { ok: false, reason: `Unknown file format "${String(format)}"; choose a .json or .csv file.` };
}

export function parseProfileImport(
  text: string,
  format: ProfileFileFormat,
  options: ProfileImportOptions = {},
): ProfileImportParse {
  return runToEnd(startProfileImport(text, format, options));
}
