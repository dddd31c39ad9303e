/**
 * enrollment/list: the status page's rows (extension pages only; the vault must be unlocked, as
 * the histories are encrypted with its key). The rows hold no account number beyond its last 4.
 */
import type { Handlers } from '@/utils/messaging/handle-request';
import type { BackgroundServices } from '../services';

type EnrollmentHandlers = Pick<Handlers, 'enrollment/list'>;

export function enrollmentHandlers({ enrollment, directory }: BackgroundServices): EnrollmentHandlers {
  return {
    'enrollment/list': async () => {
      const [snapshot, status] = await Promise.all([enrollment.snapshot(), directory.status()]);
      return {
        rows: snapshot.rows,
        now: new Date(snapshot.now).toISOString(),
        reverifyDays: snapshot.reverifyDays,
        directory: status ?? null,
      };
    },
  };
}
