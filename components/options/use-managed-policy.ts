/**
 * What the organization manages (the background's settings/managed), for the sections that show
 * those settings as fixed. The background enforces the policy whatever a page shows; until the
 * answer comes, or if it fails, nothing is shown as managed.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ManagedPolicy } from '@/utils/messaging/shapes';
import { useRequest } from './options-services';

export function useManagedPolicy(): ManagedPolicy {
  const request = useRequest();
  const [policy, setPolicy] = useState<ManagedPolicy>({});
  useEffect(() => {
    request('settings/managed', {}).then(setPolicy, () => {});
  }, [request]);
  return policy;
}
