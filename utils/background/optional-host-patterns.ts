/**
 * The manifest's optional_host_permissions: the most a user can grant at run time (extra ACE
 * hosts such as a training environment). Its own module without imports, because wxt.config.ts
 * reads it and the config loader knows no `@/` alias.
 */
export const OPTIONAL_HOST_PATTERNS = ['https://*.cbp.gov/*', 'https://*.cbp.dhs.gov/*'];
