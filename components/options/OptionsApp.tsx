/**
 * The options page: security settings, the FedACH directory, profile import and export, extra
 * ACE hosts and the activity log, one section each. Everything goes through the background.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/utils/messaging/shapes';
import { ActivitySection } from './ActivitySection';
import { DirectorySection } from './DirectorySection';
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

  useEffect(() => {
    request('settings/get', {})
      .then(setSettings)
      .catch((error: unknown) => setSettingsError(errorMessage(error)));
  }, [request]);

  return (
    <main class="options">
      <h1>ACE ACH Assist options</h1>
      {settingsError && (
        <p class="error" role="alert">
          The settings could not be read: {settingsError}
        </p>
      )}
      <SecuritySection settings={settings} onSettings={setSettings} />
      <DirectorySection />
      <ProfilesSection vault={vault.state} onLocked={vault.markLocked} />
      <HostsSection settings={settings} onSettings={setSettings} />
      <ActivitySection />
    </main>
  );
}
