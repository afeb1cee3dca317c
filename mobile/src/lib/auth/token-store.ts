import type { AccessToken } from './access-token';

/**
 * Holds the access token in this tab's memory and nowhere else: not in Web Storage, IndexedDB,
 * the Cache API or a cookie, where any script of the page (or a stolen disk) could read it
 * long after. A reload loses it; the refresh cookie restores it.
 */
export class TokenStore {
  #token: AccessToken | null = null;
  #version = 0;
  readonly #listeners = new Set<() => void>();

  get current(): AccessToken | null {
    return this.#token;
  }

  /** Increases at every change: tells a waiting refresh that a token arrived meanwhile. */
  get version(): number {
    return this.#version;
  }

  set(token: AccessToken): void {
    this.#token = token;
    this.#changed();
  }

  clear(): void {
    if (this.#token === null) return;
    this.#token = null;
    this.#changed();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(): void {
    this.#version += 1;
    for (const listener of [...this.#listeners]) listener();
  }
}

/** The tab's one store. */
export const tokenStore = new TokenStore();
