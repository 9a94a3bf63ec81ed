// Writes what the plug-in builder zips next to bundle.js: manifest.json (its `locales` filled
// from the `nav` keys of i18n/, so there is one source of text) and i18n.json ({"en": …, "fr": …})
// with every message already read (src/app/shared/i18n/domain/prepare-messages.ts: its text, or the
// ICU parser's tokens), so that bundle.js carries no MessageFormat parser. Run with tsx (it imports
// that TypeScript file); a message that is not valid ICU MessageFormat stops the build.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { prepareMessages } from '../src/app/shared/i18n/domain/prepare-messages.ts';
import { LOCALES, flatten, readLocaleFile } from './i18n-lib.mjs';

const out = new URL('../.build/plugin-assets/', import.meta.url);
mkdirSync(out, { recursive: true });

const combined = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(readLocaleFile(locale).messages)]));
const prepared = Object.fromEntries(LOCALES.map((locale) => [locale, prepareMessages(locale, combined[locale])]));
writeFileSync(new URL('i18n.json', out), JSON.stringify(prepared));

const manifest = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8'));
manifest.locales = Object.fromEntries(
  LOCALES.map((locale) => [locale, Object.fromEntries(Object.entries(combined[locale]).filter(([key]) => key.startsWith('nav.')))]),
);
writeFileSync(new URL('manifest.json', out), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`plugin assets: manifest.json ${manifest.version}, i18n.json with ${LOCALES.join(', ')}`);
