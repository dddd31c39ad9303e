/**
 * Profile export: an encrypted backup under its own passphrase (the rules of a vault passphrase:
 * 10 characters, zxcvbn score 3 or more), or, behind an explicit warning, a plain JSON or CSV
 * file with every account number in clear. Where the organization does not allow export, both
 * buttons are disabled (the background refuses the requests anyway).
 */
import { useState } from 'preact/hooks';
import { PassphraseField } from '../shared/PassphraseField';
import { useBusy } from '../shared/use-busy';
import { loadPackagedEstimator, useNewPassphrase } from '../shared/use-passphrase-strength';
import { fileDate } from '../shared/download-file';
import { LiveMessages, type Messages } from './LiveMessages';
import { ManagedNote } from './ManagedNote';
import { useManagedPolicy } from './use-managed-policy';
import { errorMessage, isLockedError, useRequest, useServices } from './options-services';

const profiles = (count: number) => `${count} ${count === 1 ? 'profile' : 'profiles'}`;

type ExportKind = 'encrypted' | 'plain';

/** The two exports, each opening its own panel (`export-<kind>`). */
const EXPORTS: readonly { which: ExportKind; label: string; className?: string }[] = [
  { which: 'encrypted', label: 'Export encrypted backup' },
  { which: 'plain', label: 'Export as plain text (JSON / CSV)', className: 'secondary' },
];

export function ProfileExport({ onLocked }: { readonly onLocked: () => void }) {
  const request = useRequest();
  const { download, now = () => new Date(), passphraseEstimator: loadEstimator = loadPackagedEstimator } = useServices();
  const [open, setOpen] = useState<'none' | 'encrypted' | 'plain'>('none');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [messages, setMessages] = useState<Messages>({});
  const managed = useManagedPolicy();
  const exportOff = managed.allowExport === false;
  const { assessment, refusal } = useNewPassphrase(passphrase, loadEstimator, open === 'encrypted', managed.minPassphraseScore === 4 ? 4 : undefined);

  const [busy, whileBusy] = useBusy((error) => {
    if (isLockedError(error)) onLocked();
    setMessages({ error: errorMessage(error) });
  });

  function toggle(which: ExportKind) {
    setOpen(open === which ? 'none' : which);
    setMessages({});
    setUnderstood(false);
  }

  async function exportEncrypted(event: Event) {
    event.preventDefault();
    await whileBusy(async () => {
      const refused = await refusal(confirmation);
      if (refused) return setMessages({ error: refused.message });
      setMessages({ status: 'Encrypting the backup…' });
      const { text, count } = await request('export/encrypted', { passphrase });
      download(text, `ace-ach-assist-backup-${fileDate(now())}.json`, 'application/json');
      setPassphrase('');
      setConfirmation('');
      setOpen('none');
      setMessages({ status: `Encrypted backup of ${profiles(count)} downloaded. Keep its passphrase safe: without it the backup cannot be opened.` });
    });
  }

  async function exportPlain(format: 'json' | 'csv') {
    if (!understood) return;
    await whileBusy(async () => {
      const { text, count } = await request('export/plain', { format });
      const mime = format === 'json' ? 'application/json' : 'text/csv;charset=utf-8';
      download(text, `ace-ach-assist-profiles-${fileDate(now())}.${format}`, mime);
      setMessages({ status: `Plain-text ${format.toUpperCase()} file of ${profiles(count)} downloaded. Delete it when you no longer need it.` });
    });
  }

  return (
    <div class="subsection">
      <h3>Export</h3>
      <div class="actions">
        {EXPORTS.map(({ which, label, className }) => (
          <button
            key={which}
            type="button"
            class={className}
            aria-expanded={open === which}
            aria-controls={`export-${which}`}
            disabled={exportOff}
            aria-describedby={exportOff ? 'export-managed' : undefined}
            onClick={() => toggle(which)}
          >
            {label}
          </button>
        ))}
      </div>
      {exportOff && <ManagedNote id="export-managed" detail="exporting profiles is turned off" />}

      {open === 'encrypted' && !exportOff && (
        <form id="export-encrypted" class="panel" onSubmit={exportEncrypted} noValidate aria-busy={busy}>
          <p class="muted" id="backup-passphrase-hint">
            The backup is encrypted with a passphrase of its own (at least 10 characters), which you will need to import
            it. {passphrase.length > 0 ? (assessment?.hint ?? 'Checking the strength…') : ''}
          </p>
          <PassphraseField
            id="export-passphrase"
            label="Backup passphrase"
            autocomplete="new-password"
            describedBy="backup-passphrase-hint"
            value={passphrase}
            onValue={setPassphrase}
          />
          <PassphraseField
            id="export-passphrase-confirm"
            label="Confirm backup passphrase"
            autocomplete="new-password"
            value={confirmation}
            onValue={setConfirmation}
          />
          <button type="submit" disabled={busy}>
            Download encrypted backup
          </button>
        </form>
      )}

      {open === 'plain' && !exportOff && (
        <div id="export-plain" class="panel warning-panel">
          <p class="warning" id="plain-warning">
            <strong>Warning:</strong> this file will contain every full account number in clear text. Anyone who gets the
            file, or a copy of it in your downloads, email or cloud storage, can read them. Prefer the encrypted backup
            unless you need a spreadsheet, and delete the file when you are done.
          </p>
          <div class="check">
            <input
              id="plain-understood"
              type="checkbox"
              checked={understood}
              aria-describedby="plain-warning"
              onChange={(event) => setUnderstood(event.currentTarget.checked)}
            />
            <label for="plain-understood">I understand</label>
          </div>
          <div class="actions">
            <button type="button" disabled={!understood || busy} onClick={() => exportPlain('json')}>
              Download JSON
            </button>
            <button type="button" disabled={!understood || busy} onClick={() => exportPlain('csv')}>
              Download CSV
            </button>
          </div>
        </div>
      )}

      <LiveMessages id="export" {...messages} />
    </div>
  );
}
