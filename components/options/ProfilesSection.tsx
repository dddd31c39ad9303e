/**
 * "Profiles: import and export". Both need the unlocked vault; while it is locked the section
 * says so and points to the popup, where the passphrase is entered.
 */
import { ProfileExport } from './ProfileExport';
import { ProfileImport } from './ProfileImport';
import type { VaultState } from './use-vault-state';

export function ProfilesSection({ vault, onLocked }: { readonly vault: VaultState; readonly onLocked: () => void }) {
  return (
    <section aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">Profiles: import and export</h2>
      {vault === 'locked' && (
        <p class="notice" id="vault-locked-notice">
          The vault is locked, and importing or exporting profiles needs it unlocked.{' '}
          <a href="/popup.html" target="_blank" rel="noopener">
            Unlock it in the ACE ACH Assist popup
          </a>{' '}
          (or with the extension's toolbar button), then come back to this page.
        </p>
      )}
      {vault === 'new' && (
        <p class="notice">
          No vault has been set up yet.{' '}
          <a href="/popup.html" target="_blank" rel="noopener">
            Set up a passphrase in the ACE ACH Assist popup
          </a>{' '}
          before importing profiles.
        </p>
      )}
      <ProfileImport onLocked={onLocked} />
      <ProfileExport onLocked={onLocked} />
    </section>
  );
}
