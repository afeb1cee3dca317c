import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestInfo } from '@playwright/test';

type Messages = { [key: string]: string | Messages };

/** The app's own words, from its locale files, in the language of the running project. */
export function messages(testInfo: TestInfo): (key: string) => string {
  const language = (testInfo.project.use.locale ?? 'fr').slice(0, 2);
  const file = fileURLToPath(new URL(`../../src/locales/${language}.json`, import.meta.url));
  const tree = JSON.parse(readFileSync(file, 'utf8')) as Messages;
  return (key) => {
    const value = key.split('.').reduce<string | Messages | undefined>(
      (node, part) => (typeof node === 'object' ? node[part] : undefined),
      tree,
    );
    if (typeof value !== 'string') throw new Error(`no message '${key}' in ${language}.json`);
    return value;
  };
}
