/**
 * Which reader a chosen profiles file goes to: by its extension, else JSON when it starts like
 * JSON (an encrypted backup is a JSON envelope too).
 */
import type { ProfileFileFormat } from './types';

export function profileFileFormat(fileName: string, text: string): ProfileFileFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.json')) return 'json';
  return /^\ufeff?\s*[{[]/.test(text) ? 'json' : 'csv';
}
