/**
 * The options page's import worker (a module worker Vite bundles on its own): parses and checks
 * a profiles file or a FedACH directory off the page's main thread, so a 100,000-row file never
 * freezes the page. One job per worker (then only the page's flow-control acknowledgements); the
 * page terminates it to cancel.
 */
import { createWorkerSession } from '@/utils/import-worker/handle-message';
import type { WorkerReply } from '@/utils/import-worker/messages';

const scope = self as unknown as { onmessage: ((event: MessageEvent) => void) | null; postMessage(message: WorkerReply): void };

const session = createWorkerSession((reply) => scope.postMessage(reply));
scope.onmessage = (event) => session(event.data);
