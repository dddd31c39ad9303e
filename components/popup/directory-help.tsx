/**
 * What the imported FedACH directory says about the routing number in the editor, as the
 * bank-entry check reports it: messages for under the field (bank and place, replaced or missing
 * numbers, how to get a directory) and the "did you mean" suggestions as buttons that put a
 * number in the field.
 */
import type { FormProblem } from '@/components/popup/profile-editor-form';
import type { DirectoryReport } from '@/utils/form-checks/bank-entry-check';

export function info(code: string, message: string): FormProblem {
  return { code, severity: 'info', message };
}

/** What the directory says about the routing number, as messages under it. */
export function directoryMessages(directory: DirectoryReport | undefined): FormProblem[] {
  if (!directory) return [];
  if (!directory.imported) {
    return [info('directory.none', 'Import a FedACH directory in Options to see the bank for a routing number.')];
  }
  const messages: FormProblem[] = directory.problems.map(({ code, severity, message }) => ({ code, severity, message }));
  const bank = directory.bank;
  if (bank) {
    const place = bank.city && bank.state ? ` (${bank.city}, ${bank.state})` : '';
    messages.unshift(info('directory.found', `FedACH directory: ${bank.name}${place}.`));
  }
  return messages;
}

/** "Did you mean" suggestions and the replacement number, as buttons that put them in the field. */
export function RoutingHelp({ directory, onUse }: { directory: DirectoryReport | undefined; onUse: (routingNumber: string) => void }) {
  if (!directory || (directory.suggestions.length === 0 && !directory.replacedBy)) return null;
  const replacedBy = directory.replacedBy;
  return (
    <div class="suggestions" role="group" aria-label="Suggested routing numbers">
      {replacedBy && (
        <button type="button" class="small" onClick={() => onUse(replacedBy)}>
          Use {replacedBy}
        </button>
      )}
      {directory.suggestions.map((suggestion) => (
        <button type="button" class="small suggestion" key={suggestion.routingNumber} onClick={() => onUse(suggestion.routingNumber)}>
          {suggestion.message}
        </button>
      ))}
    </div>
  );
}
