import type { ApiClient } from '../../../lib/api';

export interface PasswordChange {
  readonly currentPassword: string;
  readonly newPassword: string;
}

/** Changes the member's password; auth-service ends every other session on success. */
export async function changePassword(api: ApiClient, change: PasswordChange): Promise<void> {
  await api.request({
    method: 'POST',
    path: '/auth/password',
    body: { current_password: change.currentPassword, new_password: change.newPassword },
  });
}
