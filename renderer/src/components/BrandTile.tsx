import { memo } from 'react';
import { brandIconFor } from '../icons/brand-match';

/** Dark or light ink, whichever reads better on the brand colour. */
function inkOn(hex: string): string {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return luminance > 0.6 ? '#111318' : '#ffffff';
}

/** A stable, calm colour for services without a brand entry. */
function colourFor(text: string): string {
  let hash = 0;
  for (const ch of text) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 45% 42%)`;
}

/** The service's mark on its brand colour, or its first letter (decorative: the name is next to it). */
export const BrandTile = memo(function BrandTile({
  issuer,
  icon,
  fallback,
}: {
  issuer: string;
  icon: string;
  fallback: string;
}) {
  const brand = brandIconFor(issuer, icon);
  const background = brand ? `#${brand.hex}` : colourFor(fallback);
  const ink = brand ? inkOn(brand.hex) : '#ffffff';
  return (
    <span className="brand-tile" style={{ background, color: ink }} aria-hidden="true">
      {brand?.path ? (
        <svg viewBox="0 0 24 24" width="20" height="20" focusable="false">
          <path d={brand.path} fill="currentColor" />
        </svg>
      ) : brand?.mark ? (
        <span className="mark" style={{ color: `#${brand.markHex ?? ''}` }}>
          {brand.mark}
        </span>
      ) : (
        <span className="letter">{(fallback.trim()[0] ?? '?').toUpperCase()}</span>
      )}
    </span>
  );
});
