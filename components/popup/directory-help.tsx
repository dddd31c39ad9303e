/**
 * What the imported FedACH directory says about the routing number in the editor: messages for
 * under the field (bank and place, replaced or missing numbers, how to get a directory) and the
 * "did you mean" suggestions as buttons that put a number in the field.
 */
import type { FormProblem } from '@/components/popup/profile-editor-form';
import type { DirectoryLookup } from './use-directory-lookup';

export function info(code: string, message: string): FormProblem {
  return { code, severity: 'info', message };
}

/** What the directory says about the routing number, as messages under it. */
export function directoryMessages(lookup: DirectoryLookup | undefined): FormProblem[] {
  if (!lookup) return [];
  if (!lookup.imported) {
    return [info('directory.none', 'Import a FedACH directory in Options to see the bank for a routing number.')];
  }
  // The answer repeats the routing number's own check, which the field already shows.
  const messages: FormProblem[] = lookup.problems
    .filter((problem) => problem.code.startsWith('directory.'))
    .map(({ code, severity, message }) => ({ code, severity, message }));
  if (lookup.found && lookup.bankName) {
    const place = lookup.city && lookup.state ? ` (${lookup.city}, ${lookup.state})` : '';
    messages.unshift(info('directory.found', `FedACH directory: ${lookup.bankName}${place}.`));
  }
  return messages;
}

/** "Did you mean" suggestions and the replacement number, as buttons that put them in the field. */
export function RoutingHelp({ lookup, onUse }: { lookup: DirectoryLookup | undefined; onUse: (routingNumber: string) => void }) {
  if (!lookup || (lookup.suggestions.length === 0 && !lookup.replacedBy)) return null;
  return (
    <div class="suggestions" role="group" aria-label="Suggested routing numbers">
      {lookup.replacedBy && (
        <button type="button" class="small" onClick={() => onUse(lookup.replacedBy!)}>
          Use {lookup.replacedBy}
        </button>
      )}
      {lookup.suggestions.map((suggestion) => (
        <button type="button" class="small suggestion" key={suggestion.routingNumber} onClick={() => onUse(suggestion.routingNumber)}>
          {suggestion.message}
        </button>
      ))}
    </div>
  );
}
