/**
 * The names of the background's User Timing measures (timing.ts writes them in bench builds,
 * bench/vault.bench.ts reads them). Apart from timing.ts so the bench, which runs in Node, can
 * import them without the build's `import.meta.env`.
 */
export const UNLOCK_MEASURE = 'ace-ach:unlock';
export const PROFILES_READ_MEASURE = 'ace-ach:profiles-read';
export const LISTING_BUILD_MEASURE = 'ace-ach:listing-build';
export const PROFILES_LIST_MEASURE = 'ace-ach:profiles-list';
/** From the worker's start to its code evaluated and its listeners added (the entry's first line). */
export const WORKER_START_MEASURE = 'ace-ach:worker-start';
