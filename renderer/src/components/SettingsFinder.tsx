import { useEffect, useState, type RefObject } from 'react';

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
export function SettingsFinder({ page }: { page: RefObject<HTMLElement | null> }) {
  const [sections, setSections] = useState<Section[]>([]);
  const [query, setQuery] = useState('');

  // Sections can appear after the first paint (e.g. once a status loads): watch the page.
  useEffect(() => {
    const root = page.current;
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
    const first = requestAnimationFrame(read);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(first);
    };
  }, [page]);

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
    <div className="settings-finder">
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
