import { useEffect } from 'react';
import { useStore } from '../store/store';

/** Puts the theme and density on <html> so CSS alone switches them (system theme = no attribute). */
export function useThemeAttributes(): void {
  const theme = useStore((s) => s.settings.theme);
  const density = useStore((s) => s.settings.density);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset['theme'];
    else root.dataset['theme'] = theme;
    root.dataset['density'] = density;
  }, [theme, density]);
}
