import { defineWebExtConfig } from 'wxt';

// `wxt` dev mode must not try to open a browser of its own on machines without a display.
export default defineWebExtConfig({ disabled: true });
