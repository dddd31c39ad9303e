/**
 * The picker's rows: one button per profile, its accessible name starting with the label, then
 * the importer number, bank, account's last digits and type; the page importer's own profiles
 * say so (another suffix of the same EIN with a warning, since ACE enrols per suffix).
 */
import type { Ref } from 'preact';
import type { PickerRow } from '@/utils/messaging/protocol';
import { maskAccount } from '@/utils/bank/mask-account';

interface PickerRowsProps {
  readonly rows: readonly PickerRow[];
  readonly listRef: Ref<HTMLUListElement>;
  /** The profile being filled, while the request is under way. */
  readonly choosing?: string | undefined;
  /** `row`: the button pressed (it must be seen for the choice to count). */
  readonly onChoose: (id: string, row: HTMLButtonElement) => void;
}

const FOR_IMPORTER = {
  same: 'This importer',
  'other-suffix': 'Same EIN, other suffix',
} as const;

export function PickerRows({ rows, listRef, choosing, onChoose }: PickerRowsProps) {
  return (
    <ul class="picker-rows" ref={listRef} aria-label="Saved bank profiles">
      {rows.map((row) => (
        <li key={row.id}>
          <button
            type="button"
            class={row.forImporter ? `pick pick-${row.forImporter}` : 'pick'}
            data-profile-id={row.id}
            aria-busy={choosing === row.id}
            disabled={choosing !== undefined && choosing !== row.id}
            onClick={(event) => onChoose(row.id, event.currentTarget)}
          >
            <span class="profile-label">{row.label}</span>{' '}
            <span class="profile-meta">
              {row.importerNumber} · {row.bankName}
            </span>{' '}
            <span class="profile-account">
              Account {maskAccount(row.accountLast4)} · {row.accountType === 'checking' ? 'Checking' : 'Savings'}
            </span>
            {row.forImporter && (
              <>
                {' '}
                <span class={`pick-badge pick-badge-${row.forImporter}`}>{FOR_IMPORTER[row.forImporter]}</span>
              </>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
