// Light and dark themes: follow prefers-color-scheme until the user picks one, then remember it.
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'kreda-theme';
const query = () => window.matchMedia('(prefers-color-scheme: dark)');

function stored(): Theme | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

/** The remembered choice, else the system preference. */
export function initialTheme(): Theme {
  return stored() ?? (query().matches ? 'dark' : 'light');
}

/** Puts the theme on <html> (CSS keys off data-theme). */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

/** Applies and remembers an explicit choice. */
export function chooseTheme(theme: Theme): void {
  applyTheme(theme);
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Not remembered without storage; still applied for this page.
  }
}

/** Calls back when the system preference changes and the user has not chosen explicitly. */
export function watchSystemTheme(onChange: (theme: Theme) => void): () => void {
  const media = query();
  const listener = () => {
    if (!stored()) onChange(media.matches ? 'dark' : 'light');
  };
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
}
