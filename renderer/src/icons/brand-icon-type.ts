/** One service's mark: a 24×24 SVG path (empty for a letter) on its brand colour. */
export interface BrandIcon {
  readonly title: string;
  /** Brand colour, six hex digits without '#'. */
  readonly hex: string;
  readonly path: string;
  /** A short wordmark shown instead of a letter where there is no path (e.g. "aws"). */
  readonly mark?: string;
  /** The wordmark's colour, six hex digits. */
  readonly markHex?: string;
}
