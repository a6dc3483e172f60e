/**
 * Our extension's ids, the only callers the native host manifests allow. Chromium derives the id
 * from the manifest's fixed `key` (the first 128 bits of SHA-256 of the public key, in a–p
 * digits; tests/unit/browser-extension-manifest.test.ts checks they agree); Firefox takes
 * `browser_specific_settings.gecko.id`.
 */
export const CHROMIUM_EXTENSION_ID = 'lfmgjgbdomlgaplpncpopjjigllimnag';
export const FIREFOX_EXTENSION_ID = 'browser@otp-desk.app';

/** The origin Chromium-family browsers pass to the host as its first argument. */
export const CHROMIUM_EXTENSION_ORIGIN = `chrome-extension://${CHROMIUM_EXTENSION_ID}/`;
