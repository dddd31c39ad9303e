/** The optional Form 4811 designated agent: name and number, both or neither. */
import { ProfileTextField, type EditorFields } from './ProfileTextField';

const AGENT_FIELDS = [
  { path: 'designatedAgent.name', formKey: 'agentName', id: 'profile-agent-name' },
  { path: 'designatedAgent.number', formKey: 'agentNumber', id: 'profile-agent-number' },
] as const;

export function AgentFields({ fields }: { readonly fields: EditorFields }) {
  return (
    <fieldset class="group">
      <legend>Form 4811 designated agent (optional)</legend>
      <p class="hint">Only if refunds go "in care of" an agent named on CBP Form 4811.</p>
      {AGENT_FIELDS.map((agent) => (
        <ProfileTextField key={agent.id} {...agent} fields={fields} />
      ))}
    </fieldset>
  );
}
