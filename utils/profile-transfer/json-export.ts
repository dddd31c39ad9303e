/** Writes the app's own profiles file (see json-import.ts for the format). */
import { PROFILES_FORMAT, PROFILES_FORMAT_VERSION } from './types';
import type { ExportableProfile } from './types';

export function serializeProfilesJson(profiles: readonly ExportableProfile[], exportedAt: string): string {
  const file = {
    format: PROFILES_FORMAT,
    version: PROFILES_FORMAT_VERSION,
    exportedAt,
    // id first, so a reader of the file sees which profile an entry is.
    profiles: profiles.map(({ id, ...profile }) => ({ id, ...profile })),
  };
  return JSON.stringify(file, null, 2) + '\n';
}
