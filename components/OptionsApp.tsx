/** The options page: settings will live here (auto-lock, FedACH directory, extra ACE hosts). */
import { ACE_HOSTS } from '@/utils/ace-hosts';

export function OptionsApp() {
  return (
    <main class="options">
      <h1>ACE ACH Assist options</h1>
      <section aria-labelledby="hosts-heading">
        <h2 id="hosts-heading">ACE hosts</h2>
        <ul>
          {ACE_HOSTS.map((host) => (
            <li key={host}>https://{host}</li>
          ))}
        </ul>
      </section>
    </main>
  );
}
