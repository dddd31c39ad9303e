/**
 * The other saved profiles with the same routing + account number as the one being edited, for
 * the editor's "Same bank account as: …" warning. Asked only once both numbers are valid, after
 * a short pause, and never blocks saving: several importer records may share one account.
 */
import { useRequest } from './popup-services';
import { useSettledAnswer } from './use-settled-answer';

export const DUPLICATE_DELAY_MS = 250;

export function useDuplicateLabels(
  key: { readonly routingNumber: string; readonly accountNumber: string } | undefined,
  exceptId: string | undefined,
): readonly string[] {
  const request = useRequest();
  const keyText = key ? `${key.routingNumber}/${key.accountNumber}` : undefined;
  const found = useSettledAnswer(
    keyText,
    () => request('profiles/find-duplicates', exceptId === undefined ? { ...key! } : { ...key!, exceptId }),
    DUPLICATE_DELAY_MS,
    [keyText, exceptId],
  );
  return found && found.key === keyText ? found.answer.labels : [];
}
