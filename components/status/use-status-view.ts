/**
 * The status page's view state: the chips pressed, the search text and the sorted column, and
 * the rows they leave (utils/enrollment/status-view.ts, worked out once per answer so a keystroke
 * is one pass over the rows).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { EnrollmentRow, EnrollmentStatus } from '@/utils/enrollment/enrollment-status';
import { DEFAULT_SORT, prepareRows, searchTexts, viewRows, type PreparedRows, type StatusColumn, type StatusSort } from '@/utils/enrollment/status-view';

export interface StatusView {
  readonly prepared: PreparedRows;
  readonly rows: EnrollmentRow[];
  readonly statuses: ReadonlySet<EnrollmentStatus>;
  readonly search: string;
  readonly sort: StatusSort;
  /** Presses or releases one status chip. */
  readonly toggleStatus: (status: EnrollmentStatus) => void;
  /** "All": releases every status chip. */
  readonly showAllStatuses: () => void;
  readonly setSearch: (text: string) => void;
  /** The column's header pressed: the same column turns round, another sorts ascending. */
  readonly sortBy: (column: StatusColumn) => void;
}

const NO_STATUSES: ReadonlySet<EnrollmentStatus> = new Set();

export function useStatusView(rows: readonly EnrollmentRow[]): StatusView {
  const prepared = useMemo(() => prepareRows(rows), [rows]);
  // The search texts once the table is up, while the user reads: the first keystroke need not
  // make 5,000 of them.
  useEffect(() => {
    const idle = globalThis.requestIdleCallback ?? ((task: () => void) => setTimeout(task, 50));
    const cancel = globalThis.cancelIdleCallback ?? clearTimeout;
    const handle = idle(() => void searchTexts(prepared));
    return () => cancel(handle as number);
  }, [prepared]);
  const [statuses, setStatuses] = useState<ReadonlySet<EnrollmentStatus>>(NO_STATUSES);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<StatusSort>(DEFAULT_SORT);
  const shown = useMemo(() => viewRows(prepared, { statuses, search, sort }), [prepared, statuses, search, sort]);

  return {
    prepared,
    rows: shown,
    statuses,
    search,
    sort,
    toggleStatus: (status) =>
      setStatuses((pressed) => {
        const next = new Set(pressed);
        if (!next.delete(status)) next.add(status);
        return next;
      }),
    showAllStatuses: () => setStatuses(NO_STATUSES),
    setSearch,
    sortBy: (column) =>
      setSort((current) =>
        current.column === column
          ? { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
          : { column, direction: 'ascending' },
      ),
  };
}
