import { useEffect, useRef, type ReactNode } from 'react';

let focusRequested = false;

/** Called on each navigation: the next page heading to mount takes the focus. */
export function requestHeadingFocus(): void {
  focusRequested = true;
}

/**
 * The page's one h1. After a navigation it takes the focus, so a screen reader announces the
 * new page and keyboard users start from its top.
 */
export function PageHeading({ children }: { readonly children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusRequested) return;
    focusRequested = false;
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="ui-page-heading">
      {children}
    </h1>
  );
}
