import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClientProvider, ApiProblem, type ApiClient, type ApiRequest } from '../../../lib/api';
import { resources } from '../../../lib/i18n/i18n';
import { editQueue } from '../../../lib/offline';
import type { Profile } from '../api/profile';
import { ProfileEditorView } from './profile-editor-view';

// Material Web's elements need ElementInternals, which happy-dom lacks: they stay plain elements.
vi.mock('@material/web/button/filled-button.js', () => ({}));
vi.mock('@material/web/button/outlined-button.js', () => ({}));
vi.mock('@material/web/button/text-button.js', () => ({}));
vi.mock('@material/web/progress/circular-progress.js', () => ({}));

const PROBLEMS = 'https://moveacces.ch/problems/';

const saved = {
  user_id: 42,
  email: 'anna@example.ch',
  prenom: 'Anna',
  nom: 'Muster',
  date_naissance: '1990-04-12',
  rue: 'Rue du Lac 1',
  npa: '1200',
  localite: 'Genève',
  tel: '+41791234567',
};

const profile: Profile = { ...saved, userId: '42' };
Reflect.deleteProperty(profile, 'user_id');

async function i18n() {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({ resources, lng: 'en', interpolation: { escapeValue: false } });
  return instance;
}

function fakeApi(answers: ((request: ApiRequest) => Promise<unknown>)[], current: Record<string, unknown> = saved) {
  const requests: ApiRequest[] = [];
  const api: ApiClient = {
    request: vi.fn(async (request: ApiRequest) => {
      requests.push(request);
      const answer = answers.shift();
      if (answer === undefined) throw new Error('unexpected request');
      return { status: 200, data: await answer(request), etag: '"v3"', traceId: null };
    }),
    get: vi.fn((_path: string, decode: (body: unknown) => unknown) =>
      Promise.resolve({ status: 200, data: decode(current), etag: '"v2"', traceId: null }),
    ) as ApiClient['get'],
  };
  return { api, requests };
}

async function show(api: ApiClient) {
  const replace = vi.fn();
  render(
    <I18nextProvider i18n={await i18n()}>
      <ApiClientProvider client={api}>
        <ProfileEditorView loaded={{ data: profile, etag: '"v1"' }} replace={replace} />
      </ApiClientProvider>
    </I18nextProvider>,
  );
  await screen.findByLabelText('Town');
  return replace;
}

function input(name: string): HTMLInputElement {
  const found = document.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  if (found === null) throw new Error(`no input ${name}`);
  return found;
}

function typeInto(name: string, value: string) {
  fireEvent.change(input(name), { target: { value } });
}

async function submit() {
  await act(async () => {
    fireEvent.submit(input('nom').form!);
    await Promise.resolve();
  });
}

beforeEach(async () => {
  await editQueue().discard('42', 'profile');
});

describe('profile editor', () => {
  it('sends only the changed fields with If-Match and shows the answer', async () => {
    const { api, requests } = fakeApi([() => Promise.resolve({ ...saved, localite: 'Lausanne', tel: null })]);
    const replace = await show(api);

    typeInto('localite', ' Lausanne ');
    typeInto('tel', '');
    await submit();

    await screen.findByText('Your profile has been saved.');
    expect(requests[0]).toMatchObject({
      method: 'PATCH',
      path: '/users/me',
      body: { localite: 'Lausanne', tel: null },
      headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': '"v1"' },
    });
    expect(replace).toHaveBeenCalledWith({ data: { ...profile, localite: 'Lausanne', tel: null }, etag: '"v3"' });
  });

  it('puts a 422 under its field, in the member’s language, with the focus on it', async () => {
    const invalid = new ApiProblem({
      status: 422,
      type: `${PROBLEMS}validation-failed`,
      fieldErrors: [{ field: 'tel', message: 'must be a valid phone number' }],
    });
    const { api } = fakeApi([() => Promise.reject(invalid)]);
    await show(api);

    typeInto('tel', '000 000');
    await submit();

    await waitFor(() => expect(input('tel').getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(input('tel').getAttribute('aria-describedby') ?? '');
    expect(message?.textContent).toBe('This phone number is not valid.');
    expect(document.activeElement).toBe(input('tel'));
  });

  it('checks the server’s rules before sending', async () => {
    const { api } = fakeApi([]);
    await show(api);

    typeInto('npa', '120');
    await submit();

    expect(input('npa').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input('npa'));
    expect(api.request).not.toHaveBeenCalled();
  });

  it('shows theirs against mine on a 412, and keeping mine sends my fields with the new ETag', async () => {
    const stale = new ApiProblem({ status: 412, type: `${PROBLEMS}precondition-failed` });
    const theirs = { ...saved, localite: 'Zurich', nom: 'Autre' };
    const { api, requests } = fakeApi([() => Promise.reject(stale), () => Promise.resolve({ ...theirs, localite: 'Lausanne' })], theirs);
    await show(api);

    typeInto('localite', 'Lausanne');
    await submit();

    const heading = await screen.findByRole('heading', { name: 'Your profile was changed in the meantime' });
    expect(document.activeElement).toBe(heading);
    expect(document.querySelector('[data-version="theirs"]')?.textContent).toBe('Zurich');
    expect(document.querySelector('[data-version="mine"]')?.textContent).toBe('Lausanne');

    await act(async () => {
      fireEvent.click(screen.getByText('Keep my changes'));
      await Promise.resolve();
    });

    await screen.findByText('Your profile has been saved.');
    expect(requests[1]).toMatchObject({ body: { localite: 'Lausanne' }, headers: { 'If-Match': '"v2"' } });
    expect(input('nom').value).toBe('Autre');
  });

  it('taking theirs drops my edit and shows the saved version', async () => {
    const stale = new ApiProblem({ status: 412, type: `${PROBLEMS}precondition-failed` });
    const { api, requests } = fakeApi([() => Promise.reject(stale)], { ...saved, localite: 'Zurich' });
    await show(api);

    typeInto('localite', 'Lausanne');
    await submit();
    await screen.findByRole('heading', { name: 'Your profile was changed in the meantime' });
    await act(async () => {
      fireEvent.click(screen.getByText('Keep the saved version'));
      await Promise.resolve();
    });

    await screen.findByText('The saved version is shown; your changes were discarded.');
    expect(input('localite').value).toBe('Zurich');
    expect(requests).toHaveLength(1);
  });

  it('keeps an edit saved offline in the queue and says it is pending', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { api } = fakeApi([]);
    await show(api);

    typeInto('localite', 'Lausanne');
    await submit();

    await screen.findByText('Pending: your changes will be sent when you are back online.');
    expect(api.request).not.toHaveBeenCalled();
    expect(await editQueue().pending('42')).toMatchObject([
      { state: 'queued', ifMatch: '"v1"', changes: { localite: 'Lausanne' }, path: '/users/me' },
    ]);
  });

  it('opens the conflict view for a queued edit the server refused with a 412, the queued edit as mine', async () => {
    const stale = new ApiProblem({ status: 412, type: `${PROBLEMS}precondition-failed` });
    await editQueue().enqueue({ userId: '42', resource: 'profile', path: '/users/me', ifMatch: '"v1"', changes: { npa: '1003' } });
    await editQueue().flush(fakeApi([() => Promise.reject(stale)]).api);

    const { api } = fakeApi([], { ...saved, npa: '1004' });
    await show(api);

    await screen.findByText(/The changes you made offline could not be sent/);
    expect(document.querySelector('[data-version="theirs"]')?.textContent).toBe('1004');
    expect(document.querySelector('[data-version="mine"]')?.textContent).toBe('1003');
    expect(await editQueue().pending('42')).toMatchObject([{ state: 'conflict' }]);
  });

  it('shows the pending edit, then the profile the server answered once it is sent', async () => {
    await editQueue().enqueue({ userId: '42', resource: 'profile', path: '/users/me', ifMatch: '"v1"', changes: { npa: '1003' } });
    const { api } = fakeApi([]);
    await show(api);
    await screen.findByText('Pending: your changes will be sent when you are back online.');
    expect(input('npa').value).toBe('1003');

    await act(async () => {
      await editQueue().flush(fakeApi([() => Promise.resolve({ ...saved, npa: '1003' })]).api);
    });

    await screen.findByText('Your changes made offline have been saved.');
    expect(input('npa').value).toBe('1003');
    expect(screen.queryByText('Pending: your changes will be sent when you are back online.')).toBeNull();
  });
});
