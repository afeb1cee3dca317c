import type { ReactNode } from 'react';

/** A Material 3 snackbar that stays until acted upon (the library has none). */
export function Snackbar({ message, actions }: { readonly message: ReactNode; readonly actions: ReactNode }) {
  return (
    <div className="ui-snackbar" role="status">
      <span className="ui-snackbar__message">{message}</span>
      <div className="ui-snackbar__actions">{actions}</div>
    </div>
  );
}
