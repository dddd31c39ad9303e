/** The toolbar popup: will manage the saved bank profiles; for now, what the extension is. */
import { ACE_HOSTS } from '@/utils/ace-hosts';

export function PopupApp() {
  return (
    <main class="popup">
      <h1>ACE ACH Assist</h1>
      <p>
        Checks the bank details you type into the ACE Portal's ACH Refund Authorization tab.
      </p>
      <p class="muted">Active on: {ACE_HOSTS.join(', ')}</p>
    </main>
  );
}
