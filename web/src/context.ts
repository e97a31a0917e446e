// What every page may need: language, theme, the signed-in user and session actions.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from './api';
import type { Lang, Translate } from './i18n';
import type { Theme } from './theme';

export interface AppState {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => void;
  theme: Theme;
  setTheme: (theme: Theme) => void;
  /** The session's user; null on the public pages. */
  me: Me | null;
  /** Re-reads GET /me (after a password change, TOTP set-up, …). */
  refreshMe: () => Promise<void>;
  /** Called by the sign-in page; the password is kept in memory only while a first password is due. */
  signedIn: (me: Me, password: string) => void;
  /** The activation code used at this sign-in, if the user must still replace it. */
  activationCode: () => string | null;
  signOut: () => Promise<void>;
}

export const AppContext = createContext<AppState | null>(null);

/** The app state; only valid inside <App>. */
export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside AppContext');
  return state;
}
