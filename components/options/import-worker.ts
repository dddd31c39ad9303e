/**
 * The real import worker. Vite bundles import.worker.ts into its own file under assets/ (the
 * `?worker&url` import gives its address); it loads from the extension's own origin, so the
 * extension pages' CSP (`script-src 'self'`) allows it in Chrome and Firefox alike. The usual
 * `new Worker(new URL('./x.worker.ts', import.meta.url))` form is not used because WXT defines
 * `import.meta.url` as `self.location.href` for every bundle, which hides that form from Vite.
 * Only the options entry imports this; tests hand OptionsServices an in-process worker instead.
 */
import importWorkerUrl from './import.worker.ts?worker&url';
import type { ImportWorkerFactory } from './import-worker-client';

export const createImportWorker: ImportWorkerFactory = () => new Worker(importWorkerUrl, { type: 'module' });
