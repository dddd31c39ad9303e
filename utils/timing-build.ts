/**
 * Whether this build writes User Timing entries for the benches. Only a bench build sets it
 * (`WXT_ACE_ACH_TIMING=on` when building; bench/ scripts do it): in what users install the
 * measures cost the page time on every scan and would tell its scripts when we work.
 */
export const TIMING_BUILD: boolean = import.meta.env.WXT_ACE_ACH_TIMING === 'on';
