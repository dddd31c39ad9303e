/**
 * The other saved profiles with the same routing + account number as the one being edited, for
 * the editor's "Same bank account as: …" warning. Asked only once both numbers are valid, after
 * a short pause, and never blocks saving: several importer records may share one account.
 */
import { useEffect, useState } from 'preact/hooks';
import { useRequest } from './popup-services';

export const DUPLICATE_DELAY_MS = 250;

export function useDuplicateLabels(
  key: { readonly routingNumber: string; readonly accountNumber: string } | undefined,
  exceptId: string | undefined,
): readonly string[] {
  const request = useRequest();
  const [found, setFound] = useState<{ key: string; labels: readonly string[] } | undefined>();
  const keyText = key ? `${key.routingNumber}/${key.accountNumber}` : undefined;
  useEffect(() => {
    if (!key || keyText === undefined) return;
    let current = true;
    const timer = setTimeout(() => {
      const payload = exceptId === undefined ? { ...key } : { ...key, exceptId };
      request('profiles/find-duplicates', payload).then(
        ({ labels }) => current && setFound({ key: keyText, labels }),
        () => current && setFound(undefined),
      );
    }, DUPLICATE_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [keyText, exceptId]);
  return found && found.key === keyText ? found.labels : [];
}
