/**
 * The unlocked status page: the re-verify period and the FedACH file the statuses were worked out
 * with, the export and print buttons, the filters and the table. The table draws the first
 * FIRST_ROWS of the view with a "Show all" button (5,000 rows at once would take the browser
 * far longer than a first render may); printing draws every row of the view first.
 */
import { useMemo, useState } from 'preact/hooks';
import { enrollmentCsv } from '@/utils/enrollment/status-csv';
import { fileDate } from '../shared/download-file';
import { useFirstPaintRowLimit } from '../shared/use-first-paint-rows';
import type { StatusList } from './StatusApp';
import { StatusFilters } from './StatusFilters';
import { PrintSummary } from './PrintSummary';
import { StatusTable } from './StatusTable';
import { useServices } from './status-services';
import { useStatusView } from './use-status-view';
import { usePrintAll } from './use-print-all';

/** Rows drawn before "Show all": enough to fill a screen several times over. */
export const FIRST_ROWS = 200;
/** Rows in the page's very first paint (a screen's worth); the rest of the FIRST_ROWS a frame later. */
export const FIRST_PAINT_ROWS = 30;

const numberFormat = new Intl.NumberFormat('en-US');

export function StatusPage({ list }: { readonly list: StatusList }) {
  const services = useServices();
  const view = useStatusView(list.rows);
  // "Show all" holds for the filter and search it was pressed under: a new one starts from the
  // first rows again (drawing thousands of rows per keystroke would be slow).
  const filterKey = useMemo(() => ({}), [view.statuses, view.search]);
  const [showAllFor, setShowAllFor] = useState<object | undefined>();
  const showAll = showAllFor === filterKey;
  const printing = usePrintAll(services.print);
  const now = Date.parse(list.now);
  const today = fileDate(services.now?.() ?? new Date());

  function exportCsv() {
    services.download(enrollmentCsv(view.rows), `enrollment-status-${today}.csv`, 'text/csv');
  }

  const total = view.rows.length;
  const firstPaint = useFirstPaintRowLimit(true, FIRST_PAINT_ROWS);
  const limit = printing.active ? Number.POSITIVE_INFINITY : Math.min(showAll ? Number.POSITIVE_INFINITY : FIRST_ROWS, firstPaint);

  return (
    <>
      <p class="muted status-context">
        Importers are asked to be verified again after {list.reverifyDays} days (
        <a href="/options.html" target="_blank" rel="noopener">
          change in Options
        </a>
        ).{' '}
        {list.directory
          ? `Directory warnings come from the FedACH file ${list.directory.sourceName}.`
          : 'No FedACH directory file is imported, so no directory warnings are given.'}
      </p>
      {list.rows.length === 0 ? (
        <p class="notice">
          No importers yet. Save a profile with an importer number in the popup, or press Get Info/Refresh on an importer's ACH
          Refund Authorization tab on ACE.
        </p>
      ) : (
        <>
          <div class="status-actions">
            <button type="button" onClick={exportCsv}>
              Export CSV
            </button>
            <button type="button" class="secondary" onClick={printing.print}>
              Print summary
            </button>
          </div>
          <StatusFilters view={view} />
          <PrintSummary rows={view.rows} day={today} directory={list.directory} />
          <StatusTable rows={view.rows} limit={limit} sort={view.sort} onSort={view.sortBy} now={now} />
          {total === 0 && <p class="muted">No importer matches the chosen statuses and search.</p>}
          {total > FIRST_ROWS && !showAll && !printing.active && (
            <p class="show-all">
              Showing the first {numberFormat.format(FIRST_ROWS)} of {numberFormat.format(total)}.{' '}
              <button type="button" class="secondary" onClick={() => setShowAllFor(filterKey)}>
                Show all {numberFormat.format(total)}
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}
