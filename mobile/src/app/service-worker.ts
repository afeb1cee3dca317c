import type { Workbox } from 'workbox-window';

type Listener = () => void;

/**
 * The service worker's update flow: a new version waits until the member agrees (registerType
 * 'prompt'), then takes over and the page reloads once.
 */
class ServiceWorkerUpdates {
  #workbox: Workbox | null = null;
  #updateWaiting = false;
  readonly #listeners = new Set<Listener>();

  get updateWaiting(): boolean {
    return this.#updateWaiting;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async register(scriptUrl: string): Promise<void> {
    if (!('serviceWorker' in navigator)) return;
    const { Workbox } = await import('workbox-window');
    const workbox = new Workbox(scriptUrl, { scope: '/', type: 'classic' });
    workbox.addEventListener('waiting', () => this.#setWaiting(true));
    workbox.addEventListener('controlling', (event) => {
      if (event.isUpdate === true) window.location.reload();
    });
    this.#workbox = workbox;
    await workbox.register();
  }

  applyUpdate(): void {
    this.#workbox?.messageSkipWaiting();
  }

  dismiss(): void {
    this.#setWaiting(false);
  }

  #setWaiting(waiting: boolean): void {
    this.#updateWaiting = waiting;
    for (const listener of [...this.#listeners]) listener();
  }
}

export const serviceWorkerUpdates = new ServiceWorkerUpdates();
