/** Small line icons drawn here (system fonts lack some symbol glyphs); decorative, labelled by their button. */
const frame = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

/** Two codes (AWS): a "1" and a "2" in two boxes side by side, unlike a "copy" icon. */
export function PairIcon() {
  return (
    <svg {...frame} strokeWidth={1.3}>
      <rect x="0.75" y="3" width="6.5" height="10" rx="1.5" />
      <rect x="8.75" y="3" width="6.5" height="10" rx="1.5" />
      <path d="M3.3 6.4L4.4 5.6v4.8" />
      <path d="M10.6 6.5c.5-.9 2.6-1 2.7.4.1 1-1.6 2-2.8 3.6h2.9" />
    </svg>
  );
}

/** Edit: a pencil. */
export function EditIcon() {
  return (
    <svg {...frame}>
      <path d="M10.5 2.5l3 3L6 13H3v-3z" />
      <path d="M9 4l3 3" />
    </svg>
  );
}

/** Next counter code: a circular arrow. */
export function RefreshIcon() {
  return (
    <svg {...frame}>
      <path d="M13 8a5 5 0 1 1-1.5-3.6" />
      <path d="M13 2.5v3h-3" />
    </svg>
  );
}

/** Lock now: a padlock. */
export function LockIcon() {
  return (
    <svg {...frame}>
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  );
}
