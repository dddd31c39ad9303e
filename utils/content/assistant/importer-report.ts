/**
 * The top frame says which importer its page shows, and marks the number's element: when a form
 * shows in the tab, when the region that showed the number changes (importer-region.ts), and,
 * while an open vault knows no profile for it, at most every few seconds (never by polling).
 */
import { sendContentRequest as sendRequest } from '@/utils/messaging/content-replies';
import type { FieldKind } from '@/utils/detection/field-kinds';
import type { SearchRoot } from '../detected-form';
import type { PageContext } from '../page-watch';
import { applyFieldMarks } from '../field-marks';
import type { VisibilityCheck } from '../field-visibility';
import { readPageImporter } from '../page-importer-runs';
import { watchImporterRegion } from './importer-region';

/** The least time between two readings asked for by an unknown-importer answer. */
const READ_AGAIN_MS = 3000;

export interface ImporterReportOptions extends PageContext {
  isVisible: VisibilityCheck;
  /** Where the page's text is read: the detector's roots. */
  roots: () => Iterable<SearchRoot>;
  /** The background took a new importer: compare again. */
  onReported: () => void;
}

export interface ImporterReport {
  /** Reads the page now and says the importer, if it changed. */
  read(): void;
  /** The same, unless the page was read within the last few seconds. */
  readAgain(): void;
}

export function startImporterReport(options: ImporterReportOptions): ImporterReport {
  const { doc, signal, transport } = options;
  const now = () => doc.defaultView?.performance.now() ?? Date.now();
  let marks = new Map<Element, FieldKind>();
  let lastKey = '';
  let lastRead = -Infinity;

  function read() {
    lastRead = now();
    const { importer, elements } = readPageImporter(options.roots(), options.isVisible);
    region.watch(elements);
    const nextMarks = new Map<Element, FieldKind>(elements.map((element) => [element, 'importer-number']));
    applyFieldMarks(marks, nextMarks);
    marks = nextMarks;
    const importerNumbers = importer.status === 'found' ? [importer.importerNumber] : [];
    const candidates = importer.status === 'unclear' ? importer.candidates.map((candidate) => candidate.importerNumber) : [];
    const key = `${importerNumbers.join(',')};${candidates.join(',')}`;
    if (key === lastKey) return;
    lastKey = key;
    void sendRequest(transport, 'page/importer', { importerNumbers, ...(candidates.length > 0 ? { candidates } : {}) }).then(
      () => options.onReported(),
      () => {},
    );
  }

  signal.addEventListener('abort', () => applyFieldMarks(marks, new Map()), { once: true });
  const region = watchImporterRegion({ signal, setTimeout: options.setTimeout, onChange: read });
  return {
    read,
    readAgain() {
      if (now() - lastRead >= READ_AGAIN_MS) read();
    },
  };
}
