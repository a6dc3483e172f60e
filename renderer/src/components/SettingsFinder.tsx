import { useEffect, useLayoutEffect, useRef, useState } from 'react';

interface Section {
  readonly id: string;
  readonly title: string;
  /** Everything the section says, lower case, for the search. */
  readonly text: string;
}

const slug = (text: string) => `settings-${text.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

/** The settings page's top-level fieldsets (every section, whoever added it), by their legends. */
function sectionsIn(root: HTMLElement): HTMLFieldSetElement[] {
  return [...root.querySelectorAll<HTMLFieldSetElement>(':scope > fieldset')];
}

/**
 * A jump list and a search box over the settings page. Sections are read from the page itself
 * (each top-level fieldset and its legend), so a new section appears here without a list to keep.
 */
export function SettingsFinder() {
  // The page is this finder's parent; its own ref is attached before its layout effect runs.
  const self = useRef<HTMLDivElement>(null);
  const [sections, setSections] = useState<Section[]>([]);
  const [query, setQuery] = useState('');

  // Read before the first paint, then again whenever sections come or go (e.g. once a status loads).
  useLayoutEffect(() => {
    const root = self.current?.parentElement;
    if (!root) return;
    const read = () =>
      setSections(
        sectionsIn(root).map((fieldset) => {
          const title = fieldset.querySelector(':scope > legend')?.textContent?.trim() ?? '';
          fieldset.id ||= slug(title);
          return { id: fieldset.id, title, text: fieldset.textContent?.toLowerCase() ?? '' };
        }),
      );
    const observer = new MutationObserver(read);
    observer.observe(root, { childList: true });
    read();
    return () => observer.disconnect();
  }, []);

  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = new Set(sections.filter((s) => words.every((w) => s.text.includes(w))).map((s) => s.id));
  useEffect(() => {
    for (const { id } of sections) {
      const fieldset = document.getElementById(id);
      if (fieldset) fieldset.hidden = !matching.has(id);
    }
  });

  const jump = (id: string) => {
    setQuery('');
    const target = document.getElementById(id);
    target?.scrollIntoView({ block: 'start' });
    target?.querySelector<HTMLElement>('input, select, button, textarea')?.focus({ preventScroll: true });
  };

  return (
    <div className="settings-finder" ref={self}>
      <input
        type="search"
        aria-label="Search settings"
        placeholder="Search settings"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <nav aria-label="Settings sections">
        {sections.map((s) => (
          <button key={s.id} type="button" className="chip" onClick={() => jump(s.id)}>
            {s.title}
          </button>
        ))}
      </nav>
      {query && matching.size === 0 ? (
        <p className="hint" role="status">
          No setting matches “{query}”.
        </p>
      ) : null}
    </div>
  );
}
