import type { ReactNode } from 'react';

/** A Material 3 small top app bar: the page's banner landmark. */
export function TopAppBar({ title, actions }: { readonly title: ReactNode; readonly actions?: ReactNode }) {
  return (
    <header className="ui-top-app-bar">
      <span className="ui-top-app-bar__title">{title}</span>
      {actions !== undefined && <div className="ui-top-app-bar__actions">{actions}</div>}
    </header>
  );
}
