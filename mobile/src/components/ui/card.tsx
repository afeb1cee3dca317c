import type { ReactNode } from 'react';

/** A Material 3 outlined card (the library's card is still in its labs). */
export function Card({ children, className }: { readonly children: ReactNode; readonly className?: string }) {
  return <div className={['ui-card', className].filter(Boolean).join(' ')}>{children}</div>;
}
