/**
 * The status page's table: a real <table> with a caption, column headers whose buttons sort
 * (aria-sort on the sorted one; Enter and Space work as on any button) and one row per importer
 * of the view, the first `limit` of them. A row's markup is made once per row and reused while
 * the view changes, so a keystroke only moves rows that are already built.
 */
import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';
import { STATUS_LABELS, type EnrollmentRow } from '@/utils/enrollment/enrollment-status';
import { daysAgoText, daysSince, isoDay, maskedAccount, rowDetails } from '@/utils/enrollment/status-details';
import { STATUS_COLUMNS, type StatusColumn, type StatusSort } from '@/utils/enrollment/status-view';

export const COLUMN_LABELS: Readonly<Record<StatusColumn, string>> = {
  importer: 'Importer',
  number: 'Importer number',
  profile: 'Profile',
  bank: 'Bank',
  account: 'Account',
  status: 'Status',
  lastVerified: 'Last verified',
  details: 'Details',
};

interface StatusTableProps {
  readonly rows: readonly EnrollmentRow[];
  /** Rows drawn: the first this many of `rows`. */
  readonly limit: number;
  readonly sort: StatusSort;
  readonly onSort: (column: StatusColumn) => void;
  /** The background's clock (ms), for "n days ago". */
  readonly now: number;
}

export function StatusTable({ rows, limit, sort, onSort, now }: StatusTableProps) {
  // One vnode per row for as long as the rows and the clock are the same: Preact skips a vnode
  // it has drawn before, so a new view only adds, drops and moves rows.
  const cache = useMemo(() => new WeakMap<EnrollmentRow, VNode>(), [now]);
  const drawn = rows.length > limit ? rows.slice(0, limit) : rows;
  const body = drawn.map((row) => {
    let vnode = cache.get(row);
    if (!vnode) {
      vnode = <StatusRow key={row.importerNumber} row={row} now={now} />;
      cache.set(row, vnode);
    }
    return vnode;
  });
  return (
    <table id="status-table" class="status-table">
      <caption>
        Importers and their ACH refund enrollment, sorted by {COLUMN_LABELS[sort.column].toLowerCase()}, {sort.direction}
      </caption>
      <thead>
        <tr>
          {STATUS_COLUMNS.map((column) => (
            <SortHeader key={column} column={column} sort={sort} onSort={onSort} />
          ))}
        </tr>
      </thead>
      <tbody>{body}</tbody>
    </table>
  );
}

function SortHeader({ column, sort, onSort }: { column: StatusColumn; sort: StatusSort; onSort: (column: StatusColumn) => void }) {
  const sorted = sort.column === column;
  return (
    <th scope="col" aria-sort={sorted ? sort.direction : undefined} class={`col-${column}`}>
      <button type="button" class="sort-button" onClick={() => onSort(column)}>
        {COLUMN_LABELS[column]}
        <span class="sort-arrow" aria-hidden="true">
          {sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

function StatusRow({ row, now }: { row: EnrollmentRow; now: number }) {
  const others = row.statuses.filter((status) => status !== row.status);
  const day = isoDay(row.lastVerifiedAt);
  return (
    <tr class={`status-row row-${row.status}`}>
      <td>{row.importerName || '—'}</td>
      <th scope="row">{row.importerNumber}</th>
      <td>{row.profileLabel || '—'}</td>
      <td>{row.bankName || '—'}</td>
      <td class="account">{maskedAccount(row.accountLast4)}</td>
      <td>
        <span class={`status-label status-${row.status}`}>{STATUS_LABELS[row.status]}</span>
        {others.length > 0 && <small class="other-statuses"> also {others.map((status) => STATUS_LABELS[status]).join(', ')}</small>}
      </td>
      <td>
        {day ? (
          <>
            <time dateTime={row.lastVerifiedAt}>{day}</time> <small class="muted">{daysAgoText(daysSince(row.lastVerifiedAt!, now))}</small>
          </>
        ) : (
          '—'
        )}
      </td>
      <td class="details">{rowDetails(row).join(' ')}</td>
    </tr>
  );
}
