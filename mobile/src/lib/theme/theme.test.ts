import { describe, expect, it } from 'vitest';
import { resolveTheme, ThemeController } from './theme';

function fakeEnvironment(stored: string | null, prefersDark: boolean) {
  const items = new Map<string, string>();
  if (stored !== null) items.set('moveacces.theme', stored);
  let onChange: (() => void) | undefined;
  const darkQuery = {
    matches: prefersDark,
    addEventListener: (_type: string, listener: () => void) => {
      onChange = listener;
    },
  };
  const root = document.createElement('html');
  return {
    env: {
      root,
      storage: { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) },
      darkQuery: darkQuery as unknown as MediaQueryList,
    },
    items,
    root,
    systemChanges: (dark: boolean) => {
      darkQuery.matches = dark;
      onChange?.();
    },
  };
}

describe('theme', () => {
  it('resolves "system" by the OS setting', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
  });

  it('follows the system until the member chooses, and remembers the choice', () => {
    const { env, items, root, systemChanges } = fakeEnvironment(null, false);
    const controller = new ThemeController(env);
    expect(controller.preference).toBe('system');
    expect(root.dataset.theme).toBe('light');
    systemChanges(true);
    expect(root.dataset.theme).toBe('dark');

    controller.setPreference('light');
    expect(root.dataset.theme).toBe('light');
    expect(items.get('moveacces.theme')).toBe('light');
    systemChanges(true);
    expect(root.dataset.theme).toBe('light');
  });

  it('starts from a stored choice and ignores a value it does not know', () => {
    expect(new ThemeController(fakeEnvironment('dark', false).env).theme).toBe('dark');
    expect(new ThemeController(fakeEnvironment('sepia', true).env).preference).toBe('system');
  });
});
