/** Types for electron-binary.mjs (plain Node so scripts run before anything is installed). */
export function findElectronBinary(root: string): { path: string; reason?: undefined } | { path?: undefined; reason: string };
