export interface Skip {
  readonly file: string;
  readonly name: string;
  readonly note?: string;
}
export interface AllowList {
  readonly skips: readonly { file: string; test?: string; platforms: readonly string[]; reason: string }[];
}
export function platformNames(platform?: string, uid?: number): string[];
export function vitestSkips(report: unknown, root: string): Skip[];
export function playwrightSkips(report: unknown): Skip[];
export function judgeSkips(skips: readonly Skip[], allowed: AllowList, platforms: readonly string[]): (Skip & { reason: string | undefined })[];
export function skipReport(paths: { root: string; vitestJson: string; playwrightJson: string; allowList: string }): (Skip & { reason: string | undefined })[];
