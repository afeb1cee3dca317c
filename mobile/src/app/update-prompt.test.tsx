import { act, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { ServiceWorkerUpdates, type UpdatableWorker } from './service-worker';
import { UpdatePrompt } from './update-prompt';

// Material Web's elements need ElementInternals, which happy-dom lacks.
vi.mock('../components/ui', () => ({
  Button: ({ children, onClick }: { children: ReactNode; onClick: () => void }) => <button onClick={onClick}>{children}</button>,
  Snackbar: ({ message, actions }: { message: ReactNode; actions: ReactNode }) => (
    <div role="status">
      {message}
      {actions}
    </div>
  ),
}));

type Handler = (event: { isUpdate?: boolean }) => void;

function fakeWorker() {
  const handlers = new Map<string, Handler>();
  const worker = {
    addEventListener: (type: string, handler: Handler) => handlers.set(type, handler),
    messageSkipWaiting: vi.fn(),
    register: () => Promise.resolve(undefined),
  };
  return {
    worker: worker as unknown as UpdatableWorker,
    skipWaiting: worker.messageSkipWaiting,
    fire: (type: string, event = {}) => handlers.get(type)?.(event),
  };
}

/** Unsaved changes the test sets. */
function fakeForms() {
  let dirty = false;
  const listeners = new Set<() => void>();
  return {
    has: () => dirty,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(value: boolean) {
      dirty = value;
      for (const listener of [...listeners]) listener();
    },
  };
}

async function setUp() {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    lng: 'en',
    resources: { en: { translation: { update: { available: 'New version.', saveFirst: 'Save first.', reload: 'Update', dismiss: 'Later' } } } },
  });
  const forms = fakeForms();
  const reload = vi.fn();
  const updates = new ServiceWorkerUpdates({ unsaved: forms, reload });
  const sw = fakeWorker();
  await updates.attach(sw.worker);
  render(
    <I18nextProvider i18n={i18n}>
      <UpdatePrompt updates={updates} />
    </I18nextProvider>,
  );
  return { forms, reload, sw };
}

describe('UpdatePrompt', () => {
  it('offers the waiting version and, accepted, lets it take over, then reloads', async () => {
    const { sw, reload } = await setUp();
    expect(screen.queryByRole('status')).toBeNull();
    act(() => sw.fire('waiting'));
    expect(screen.getByRole('status').textContent).toContain('New version.');

    fireEvent.click(screen.getByText('Update'));
    expect(sw.skipWaiting).toHaveBeenCalledTimes(1);
    act(() => sw.fire('controlling', { isUpdate: true }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('asks to save unsaved changes first and updates once they are saved', async () => {
    const { sw, forms, reload } = await setUp();
    act(() => {
      forms.set(true);
      sw.fire('waiting');
    });
    fireEvent.click(screen.getByText('Update'));

    expect(screen.getByRole('status').textContent).toContain('Save first.');
    expect(sw.skipWaiting).not.toHaveBeenCalled();

    act(() => forms.set(false));
    expect(sw.skipWaiting).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('status')).toBeNull();
    act(() => sw.fire('controlling', { isUpdate: true }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('does not reload over unsaved changes when another tab applied the update', async () => {
    const { sw, forms, reload } = await setUp();
    act(() => forms.set(true));
    act(() => sw.fire('controlling', { isUpdate: true }));
    expect(reload).not.toHaveBeenCalled();
    act(() => forms.set(false));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('goes away on "later" and stops waiting for the save', async () => {
    const { sw, forms } = await setUp();
    act(() => {
      forms.set(true);
      sw.fire('waiting');
    });
    fireEvent.click(screen.getByText('Update'));
    fireEvent.click(screen.getByText('Later'));
    expect(screen.queryByRole('status')).toBeNull();
    act(() => forms.set(false));
    expect(sw.skipWaiting).not.toHaveBeenCalled();
  });
});
