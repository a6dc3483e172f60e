export const PNG_SIZES: number[];
export const ICO_SIZES: number[];
export const ICNS_TYPES: [string, number][];
export function writeIco(pngs: { size: number; data: Buffer }[]): Buffer;
export function writeIcns(elements: { type: string; data: Buffer }[]): Buffer;
export function generateIcons(): Promise<void>;
