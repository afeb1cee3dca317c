import { act, render, renderHook, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { OfflineBanner } from './offline-banner';
import { askPersistentStorageOnce } from './storage-persistence';
import { hasUnsavedChanges, useUnsavedChanges } from './unsaved-changes';

describe('useUnsavedChanges', () => {
  it('counts a form as unsaved while it is dirty and mounted', () => {
    const { rerender, unmount } = renderHook(({ dirty }) => useUnsavedChanges(dirty), { initialProps: { dirty: false } });
    expect(hasUnsavedChanges()).toBe(false);
    rerender({ dirty: true });
    expect(hasUnsavedChanges()).toBe(true);
    rerender({ dirty: false });
    expect(hasUnsavedChanges()).toBe(false);
    rerender({ dirty: true });
    unmount();
    expect(hasUnsavedChanges()).toBe(false);
  });
});

describe('askPersistentStorageOnce', () => {
  it('asks the browser once per device', async () => {
    const storage = { persisted: vi.fn(() => Promise.resolve(false)), persist: vi.fn(() => Promise.resolve(true)) };
    const marks = new Map<string, string>();
    const memory = { getItem: (key: string) => marks.get(key) ?? null, setItem: (key: string, value: string) => void marks.set(key, value) };
    expect(await askPersistentStorageOnce(storage, memory)).toBe(true);
    expect(await askPersistentStorageOnce(storage, memory)).toBe(false);
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });
});

describe('OfflineBanner', () => {
  it('is a status region that speaks while offline and is empty online', async () => {
    const i18n = i18next.createInstance();
    await i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: { offline: { title: 'Offline.', body: 'Kept data.' } } } } });
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    render(
      <I18nextProvider i18n={i18n}>
        <OfflineBanner />
      </I18nextProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('');

    onLine.mockReturnValue(false);
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(screen.getByRole('status').textContent).toBe('Offline. Kept data.');

    onLine.mockReturnValue(true);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
