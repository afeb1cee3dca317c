import { describe, expect, it } from 'vitest';
import { resources } from './all-messages';
import { pickLanguage } from './languages';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function placeholders(tree: object): Record<string, string[]> {
  const flat: Record<string, string[]> = {};
  const walk = (node: object, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') flat[`${prefix}${key}`] = [...value.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? '').sort();
      else if (typeof value === 'object' && value !== null) walk(value as object, `${prefix}${key}.`);
    }
  };
  walk(tree, '');
  return flat;
}

describe('locale files', () => {
  const french = keys(resources.fr.translation).sort();

  it.each(['de', 'en'] as const)('%s has the same keys as fr', (language) => {
    expect(keys(resources[language].translation).sort()).toEqual(french);
  });

  it.each(['de', 'en'] as const)('%s uses the same placeholders as fr', (language) => {
    expect(placeholders(resources[language].translation)).toEqual(placeholders(resources.fr.translation));
  });

  it('has no empty message', () => {
    for (const language of ['fr', 'de', 'en'] as const) {
      const flat = placeholders(resources[language].translation);
      for (const key of Object.keys(flat)) expect(key).not.toBe('');
    }
  });
});

describe('pickLanguage', () => {
  it('takes the first of the browser’s languages the app speaks, French otherwise', () => {
    expect(pickLanguage(['de-CH', 'fr'])).toBe('de');
    expect(pickLanguage(['it-CH', 'en-GB', 'fr'])).toBe('en');
    expect(pickLanguage(['it-CH', 'rm'])).toBe('fr');
    expect(pickLanguage([])).toBe('fr');
  });
});
