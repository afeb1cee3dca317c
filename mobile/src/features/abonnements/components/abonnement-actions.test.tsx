import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { ApiClientProvider, ApiProblem, type ApiClient } from '../../../lib/api';
import { initI18n } from '../../../lib/i18n';
import type { Abonnement } from '../api/abonnement';
import { AbonnementActions } from './abonnement-actions';

// Material Web's elements need ElementInternals, which happy-dom lacks.
vi.mock('../../../components/ui', () => ({
  Button: ({ children, onClick, disabled }: { children: ReactNode; onClick: () => void; disabled?: boolean }) => (
    <button type="button" onClick={onClick} disabled={disabled}>
      {children}
    </button>
  ),
  Alert: ({ children, tone }: { children: ReactNode; tone: string }) => <div role={tone === 'error' ? 'alert' : 'status'}>{children}</div>,
  ConfirmDialog: ({ open, children, confirmLabel, dismissLabel, onConfirm, onDismiss }: Record<string, unknown>) =>
    open === true ? (
      <div role="dialog">
        {children as ReactNode}
        <button type="button" onClick={onDismiss as () => void}>
          {dismissLabel as string}
        </button>
        <button type="button" onClick={onConfirm as () => void}>
          {confirmLabel as string}
        </button>
      </div>
    ) : null,
}));

const invalidated = vi.hoisted(() => [] as string[]);
vi.mock('../../../lib/data', () => ({ invalidateResource: (key: string) => invalidated.push(key) }));

const abonnement = (state: Abonnement['state']): Abonnement => ({
  id: 7,
  name: 'Move Annuel',
  state,
  dateStart: '2026-01-01',
  dateStop: '2026-12-31',
  price: 590,
  discount: 10,
  currency: 'CHF',
  autoRenew: false,
});

function fakeApi(answer: () => Promise<unknown>) {
  const request = vi.fn(answer);
  return { api: { request, get: vi.fn() } as unknown as ApiClient, request };
}

async function renderActions(state: Abonnement['state'], api: ApiClient, online = true) {
  const i18n = await initI18n(['en']);
  const onChanged = vi.fn();
  render(
    <I18nextProvider i18n={i18n}>
      <ApiClientProvider client={api}>
        <AbonnementActions abonnement={abonnement(state)} online={online} onChanged={onChanged} />
      </ApiClientProvider>
    </I18nextProvider>,
  );
  return { onChanged };
}

describe('AbonnementActions', () => {
  it('offers what the state allows, and nothing offline but the reason', async () => {
    const { api } = fakeApi(() => Promise.resolve({}));
    await renderActions('paused', api, false);
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['Resume', 'Cancel abonnement']);
    for (const button of screen.getAllByRole('button')) expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/You are offline/)).toBeTruthy();
  });

  it('cancels only once confirmed, and takes a 409 already canceled as done', async () => {
    invalidated.length = 0;
    const conflict = new ApiProblem({
      status: 409,
      type: 'https://moveacces.ch/problems/illegal-state-transition',
      extensions: { current_state: 'canceled', action: 'cancel' },
    });
    const { api, request } = fakeApi(() => Promise.reject(conflict));
    await renderActions('active', api);

    fireEvent.click(screen.getByText('Cancel abonnement'));
    expect(request).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog').textContent).toContain('Move Annuel');

    await act(async () => {
      fireEvent.click(screen.getByText('Yes, cancel'));
      await Promise.resolve();
    });
    expect(request).toHaveBeenCalledWith({ method: 'POST', path: '/subscriptions/7/cancel' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Abonnement canceled.');
    expect(invalidated).toEqual(['abonnements']);
  });

  it('names the real state of a refused change and reloads the list', async () => {
    invalidated.length = 0;
    const conflict = new ApiProblem({
      status: 409,
      type: 'https://moveacces.ch/problems/illegal-state-transition',
      extensions: { current_state: 'expired', action: 'pause' },
    });
    const { api } = fakeApi(() => Promise.reject(conflict));
    await renderActions('active', api);
    await act(async () => {
      fireEvent.click(screen.getByText('Pause'));
      await Promise.resolve();
    });
    expect(screen.getByRole('alert').textContent).toContain('the abonnement is now “Expired”');
    expect(invalidated).toEqual(['abonnements']);
  });
});
