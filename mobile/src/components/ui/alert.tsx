import type { ReactNode } from 'react';
import { ErrorIcon, InfoIcon } from './icons';

/** A message in the flow of the page; errors are announced at once, notices politely. */
export function Alert({ tone, children }: { readonly tone: 'error' | 'info'; readonly children: ReactNode }) {
  return (
    <div className={`ui-alert ui-alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {tone === 'error' ? <ErrorIcon /> : <InfoIcon />}
      <div className="ui-alert__body">{children}</div>
    </div>
  );
}
