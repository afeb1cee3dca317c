import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './button';

export interface ConfirmDialogProps {
  readonly open: boolean;
  readonly headline: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly dismissLabel: string;
  readonly onConfirm: () => void;
  readonly onDismiss: () => void;
  readonly pending?: boolean;
}

/**
 * A Material 3 basic dialog on the native modal `<dialog>`: it traps the focus, closes on
 * Escape, and hands the focus back to what opened it. The safe choice comes first and takes
 * the focus, so a stray Enter never confirms.
 */
export function ConfirmDialog({ open, headline, children, confirmLabel, dismissLabel, onConfirm, onDismiss, pending = false }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headlineId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="ui-dialog"
      aria-labelledby={headlineId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        onDismiss();
      }}
    >
      {open && (
        <>
          <h2 id={headlineId} className="ui-dialog__headline">
            {headline}
          </h2>
          <div id={bodyId} className="ui-dialog__body">
            {children}
          </div>
          <div className="ui-dialog__actions">
            <Button variant="text" onClick={onDismiss} disabled={pending}>
              {dismissLabel}
            </Button>
            <Button variant="text" onClick={onConfirm} disabled={pending}>
              {confirmLabel}
            </Button>
          </div>
        </>
      )}
    </dialog>
  );
}
