/**
 * The options page: security settings, the FedACH directory, profile import and export, the
 * enrollment status page and its re-verify period, extra ACE hosts, the activity log and erasing
 * everything, one section each. Everything goes through the background.
 */
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/utils/messaging/shapes';
import { ActivitySection } from './ActivitySection';
import { DirectorySection } from './DirectorySection';
import { EnrollmentSection } from './EnrollmentSection';
import { EraseSection } from './EraseSection';
import { HostsSection } from './HostsSection';
import { OptionsContext, errorMessage, useRequest, type OptionsServices } from './options-services';
import { ProfilesSection } from './ProfilesSection';
import { SecuritySection } from './SecuritySection';
import { useVaultState } from './use-vault-state';

export function OptionsApp({ services }: { readonly services: OptionsServices }) {
  return (
    <OptionsContext.Provider value={services}>
      <OptionsPage />
    </OptionsContext.Provider>
  );
}

function OptionsPage() {
  const request = useRequest();
  const vault = useVaultState();
  const [settings, setSettings] = useState<Settings | undefined>();
  const [settingsError, setSettingsError] = useState<string | undefined>();
  // Bumped by Erase all data: every section starts over from what the background now holds.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    request('settings/get', {})
      .then(setSettings)
      .catch((error: unknown) => setSettingsError(errorMessage(error)));
  }, [request, generation]);

  return (
    <main class="options">
      <h1>ACE ACH Assist options</h1>
      <p class="muted">
        Everything ACE ACH Assist keeps stays in this browser: see the{' '}
        <a href="/privacy.html" target="_blank" rel="noopener">
          privacy notice
        </a>
        .
      </p>
      {settingsError && (
        <p class="error" role="alert">
          The settings could not be read: {settingsError}
        </p>
      )}
      <Fragment key={generation}>
        <SecuritySection settings={settings} onSettings={setSettings} />
        <DirectorySection />
        <ProfilesSection vault={vault.state} onLocked={vault.markLocked} />
        <EnrollmentSection settings={settings} onSettings={setSettings} />
        <HostsSection settings={settings} onSettings={setSettings} />
        <ActivitySection />
      </Fragment>
      <EraseSection
        extraHosts={settings?.extraHosts ?? []}
        onErased={() => {
          setGeneration((value) => value + 1);
          vault.refresh();
        }}
      />
    </main>
  );
}
