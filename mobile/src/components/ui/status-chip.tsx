import type { ReactNode } from 'react';

export type StatusTone = 'success' | 'neutral' | 'warning' | 'info' | 'error';

/** A non-interactive label in the shape of a Material 3 chip. */
export function StatusChip({ tone, children, label }: { readonly tone: StatusTone; readonly children: ReactNode; readonly label?: string }) {
  return (
    <span className={`ui-status-chip ui-status-chip--${tone}`} aria-label={label}>
      {children}
    </span>
  );
}
