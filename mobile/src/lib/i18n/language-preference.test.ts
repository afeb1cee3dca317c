import { afterEach, describe, expect, it } from 'vitest';
import { initI18n, switchLanguage } from './i18n';
import { preferredLanguages, storedLanguage, storeLanguage } from './language-preference';

describe('the member’s language', () => {
  afterEach(() => localStorage.clear());

  it('puts a remembered choice before the browser’s languages and ignores one it does not speak', () => {
    expect(storedLanguage()).toBeNull();
    storeLanguage('de');
    expect(storedLanguage()).toBe('de');
    expect(preferredLanguages()[0]).toBe('de');
    localStorage.setItem('moveacces.language', 'it');
    expect(storedLanguage()).toBeNull();
  });

  it('switches the messages and <html lang>, loading the language on first use', async () => {
    const root = document.createElement('html');
    const i18n = await initI18n(['fr'], root);
    expect(root.lang).toBe('fr');
    expect(i18n.hasResourceBundle('de', 'translation')).toBe(false);
    await switchLanguage(i18n, 'de');
    expect(root.lang).toBe('de');
    expect(i18n.t('nav.settings')).toBe('Einstellungen');
  });
});
