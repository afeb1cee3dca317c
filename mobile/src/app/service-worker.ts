import type { Workbox } from 'workbox-window';
import { hasUnsavedChanges, subscribeUnsavedChanges } from '../lib/offline';

type Listener = () => void;

/**
 * - `none`: nothing new, or the member chose "later" (the new version then starts with the next
 *   launch of the app).
 * - `available`: a new version waits for the member's agreement.
 * - `save-first`: the member agreed while a form holds unsaved changes: it waits for them to be
 *   saved (or dropped), then updates.
 * - `updating`: the new version was told to take over; the page reloads when it has.
 */
export type UpdateState = 'none' | 'available' | 'save-first' | 'updating';

/** What the update flow needs of workbox-window's Workbox. */
export type UpdatableWorker = Pick<Workbox, 'addEventListener' | 'messageSkipWaiting' | 'register'>;

export interface ServiceWorkerUpdatesOptions {
  readonly unsaved?: { has(): boolean; subscribe(listener: () => void): () => void };
  readonly reload?: () => void;
}

/**
 * The service worker's update flow: a new version waits until the member agrees (registerType
 * 'prompt'), then takes over and the page reloads once, never over unsaved changes.
 */
export class ServiceWorkerUpdates {
  readonly #unsaved: NonNullable<ServiceWorkerUpdatesOptions['unsaved']>;
  readonly #reload: () => void;
  #workbox: UpdatableWorker | null = null;
  #state: UpdateState = 'none';
  #stopWaitingForSave: (() => void) | null = null;
  readonly #listeners = new Set<Listener>();

  constructor(options: ServiceWorkerUpdatesOptions = {}) {
    this.#unsaved = options.unsaved ?? { has: hasUnsavedChanges, subscribe: subscribeUnsavedChanges };
    this.#reload = options.reload ?? (() => window.location.reload());
  }

  get state(): UpdateState {
    return this.#state;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async register(scriptUrl: string): Promise<void> {
    if (!('serviceWorker' in navigator)) return;
    const { Workbox } = await import('workbox-window');
    await this.attach(new Workbox(scriptUrl, { scope: '/', type: 'classic' }));
  }

  async attach(workbox: UpdatableWorker): Promise<void> {
    workbox.addEventListener('waiting', () => {
      if (this.#state === 'none') this.#setState('available');
    });
    // Also when another tab accepted the update: this page's code is then older than the
    // service worker's caches, so it reloads as soon as nothing unsaved is lost by it.
    workbox.addEventListener('controlling', (event) => {
      if (event.isUpdate === true) this.#whenSaved(() => this.#reload());
    });
    this.#workbox = workbox;
    await workbox.register();
  }

  /** The member agreed: update now, or once their changes are saved. */
  applyUpdate(): void {
    if (this.#state !== 'available') return;
    if (this.#unsaved.has()) this.#setState('save-first');
    this.#whenSaved(() => {
      this.#setState('updating');
      this.#workbox?.messageSkipWaiting();
    });
  }

  dismiss(): void {
    this.#stopWaitingForSave?.();
    this.#stopWaitingForSave = null;
    this.#setState('none');
  }

  #whenSaved(action: () => void): void {
    if (!this.#unsaved.has()) {
      action();
      return;
    }
    this.#stopWaitingForSave?.();
    const stop = this.#unsaved.subscribe(() => {
      if (this.#unsaved.has()) return;
      stop();
      this.#stopWaitingForSave = null;
      action();
    });
    this.#stopWaitingForSave = stop;
  }

  #setState(state: UpdateState): void {
    this.#state = state;
    for (const listener of [...this.#listeners]) listener();
  }
}

export const serviceWorkerUpdates = new ServiceWorkerUpdates();
