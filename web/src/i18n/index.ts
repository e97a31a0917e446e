// Language choice and message lookup. Polish is the default; the choice is remembered in localStorage.
import { en } from './en';
import { pl, type MessageKey } from './pl';

export type { MessageKey };
export type Lang = 'pl' | 'en';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const STORAGE_KEY = 'kreda-lang';
const catalogues: Record<Lang, Record<MessageKey, string>> = { pl, en };

/** The language chosen earlier on this device, else Polish. */
export function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'pl';
  } catch {
    return 'pl';
  }
}

/** Remembers the language and sets `lang` on <html> so assistive technology reads it right. */
export function applyLang(lang: Lang): void {
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
}

/** A translate function for one language; `{name}` placeholders are filled from params. */
export function translator(lang: Lang): Translate {
  const catalogue = catalogues[lang];
  return (key, params) => {
    const text = catalogue[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** The locale used for dates and numbers in each language. */
export const LOCALES: Record<Lang, string> = { pl: 'pl-PL', en: 'en-GB' };
