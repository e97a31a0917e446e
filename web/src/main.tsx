// Entry point: applies the remembered language and theme before the first paint, then renders the app.
import { render } from 'preact';
import { App } from './app';
import { applyLang, initialLang } from './i18n';
import { applyTheme, initialTheme } from './theme';
import './styles.css';
import './layout.css';
import './content.css';
import './communication.css';
import './feed.css';
import './print.css';

applyLang(initialLang());
applyTheme(initialTheme());

const root = document.getElementById('app');
if (root) render(<App />, root);
