export interface MacNativePackage {
  readonly path: string;
  readonly name: string;
  readonly version: string;
  readonly cpu: readonly string[];
}
export function productionPaths(): string[];
export function macNativePackages(paths?: readonly string[]): MacNativePackage[];
