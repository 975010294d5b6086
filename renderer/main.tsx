import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './app/global.css';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { initAppI18n } from './i18n';
import { App } from './app/App';
import { bootDatabase } from './app/boot';

// zod probes `new Function` for speed; the CSP forbids eval, so tell it not to try.
z.config({ jitless: true });
const i18n = await initAppI18n();
document.documentElement.lang = i18n.language;
const boot = await bootDatabase();
createRoot(document.getElementById('root')!).render(<App boot={boot} />);
