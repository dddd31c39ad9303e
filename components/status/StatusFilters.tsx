/**
 * The status page's filters: one toggle button per status with its count (a row counts under
 * every status it carries) plus "All", and the search box over importer name, importer number
 * (with or without hyphens), profile and bank. Escape in the search box clears it. The count of
 * rows shown is announced politely as it changes.
 */
import { ENROLLMENT_STATUSES, STATUS_LABELS } from '@/utils/enrollment/enrollment-status';
import type { StatusView } from './use-status-view';

const numberFormat = new Intl.NumberFormat('en-US');

export function shownText(count: number): string {
  return `${numberFormat.format(count)} ${count === 1 ? 'importer' : 'importers'} shown`;
}

export function StatusFilters({ view }: { readonly view: StatusView }) {
  const total = view.prepared.rows.length;
  return (
    <div class="status-filters">
      <div class="chips" role="group" aria-label="Filter by status">
        <button type="button" class="chip" aria-pressed={view.statuses.size === 0} onClick={view.showAllStatuses}>
          All <span class="chip-count">{numberFormat.format(total)}</span>
        </button>
        {ENROLLMENT_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            class={`chip chip-${status}`}
            aria-pressed={view.statuses.has(status)}
            onClick={() => view.toggleStatus(status)}
          >
            {STATUS_LABELS[status]} <span class="chip-count">{numberFormat.format(view.prepared.counts[status])}</span>
          </button>
        ))}
      </div>
      <div class="field status-search">
        <label for="status-search">Search importers</label>
        <input
          id="status-search"
          type="search"
          value={view.search}
          placeholder="Name, importer number, profile or bank"
          autocomplete="off"
          spellcheck={false}
          aria-controls="status-table"
          aria-describedby="status-shown"
          onInput={(event) => view.setSearch(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && view.search !== '') {
              event.preventDefault();
              view.setSearch('');
            }
          }}
        />
      </div>
      <p id="status-shown" class="muted" role="status">
        {shownText(view.rows.length)}
      </p>
    </div>
  );
}
