export const THEME_PREFERENCES = ['light', 'dark', 'system'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'moveacces.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The top app bar's colour in each theme, for the browser's and the OS's chrome. */
const CHROME_COLOURS: Record<Theme, string> = { light: '#f1f3f9', dark: '#1e2022' };

export function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (THEME_PREFERENCES as readonly string[]).includes(value);
}

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}

export interface ThemeEnvironment {
  readonly root: HTMLElement;
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  readonly darkQuery: Pick<MediaQueryList, 'matches' | 'addEventListener'> | undefined;
}

/**
 * The member's theme: `data-theme` on `<html>` always names the resolved theme (the tokens in
 * styles/theme.css follow it), and "system" follows the OS's setting as it changes.
 */
export class ThemeController {
  readonly #env: ThemeEnvironment;
  readonly #listeners = new Set<() => void>();
  #preference: ThemePreference;

  constructor(env: ThemeEnvironment) {
    this.#env = env;
    const stored = readStored(env.storage);
    this.#preference = isThemePreference(stored) ? stored : 'system';
    env.darkQuery?.addEventListener('change', () => {
      if (this.#preference === 'system') this.#apply();
    });
    this.#apply();
  }

  get preference(): ThemePreference {
    return this.#preference;
  }

  get theme(): Theme {
    return resolveTheme(this.#preference, this.#env.darkQuery?.matches ?? false);
  }

  setPreference(preference: ThemePreference): void {
    this.#preference = preference;
    try {
      this.#env.storage?.setItem(STORAGE_KEY, preference);
    } catch {
      // Storage refused (private mode): the choice holds until the app is closed.
    }
    this.#apply();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #apply(): void {
    const theme = this.theme;
    this.#env.root.dataset.theme = theme;
    const meta = this.#env.root.ownerDocument.querySelector('meta[name="theme-color"]');
    meta?.setAttribute('content', CHROME_COLOURS[theme]);
    for (const listener of [...this.#listeners]) listener();
  }
}

function readStored(storage: ThemeEnvironment['storage']): string | null {
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

let controller: ThemeController | null = null;

/** The page's theme, applied on first use: call it once at start-up, before the first paint. */
export function themeController(): ThemeController {
  controller ??= new ThemeController({
    root: document.documentElement,
    storage: safeLocalStorage(),
    darkQuery: typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : undefined,
  });
  return controller;
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
