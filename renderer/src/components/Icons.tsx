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

/** Two codes (AWS): two code boxes in a row with an arrow from the first to the second, unlike a "copy" icon. */
export function PairIcon() {
  return (
    <svg {...frame}>
      <rect x="1" y="4.5" width="5" height="7" rx="1.2" />
      <rect x="10" y="4.5" width="5" height="7" rx="1.2" />
      <path d="M7 8h2" />
      <path d="M8 6.8L9.2 8 8 9.2" />
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
