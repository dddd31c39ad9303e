/**
 * The messages under one editor field, in the bank core's words: errors, warnings and notes
 * styled apart and prefixed for screen readers, in a polite live region that the field points
 * to with aria-describedby.
 */
import type { FormProblem } from '@/components/popup/profile-editor-form';

const SEVERITY_WORDS = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

export function FieldMessages({ id, problems }: { id: string; problems: readonly FormProblem[] }) {
  return (
    <ul id={id} class="field-messages" aria-live="polite">
      {problems.map((problem, index) => (
        <li key={`${problem.code}-${index}`} class={`message message-${problem.severity}`} data-code={problem.code}>
          <span class="sr-only">{SEVERITY_WORDS[problem.severity]}: </span>
          {problem.message}
        </li>
      ))}
    </ul>
  );
}
