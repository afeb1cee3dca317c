import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog } from '../../../components/ui';
import type { Abonnement } from '../api/abonnement';
import { allowedActions, type AbonnementAction } from '../domain/lifecycle';
import { AbonnementActionOutcome } from './abonnement-action-outcome';
import { useAbonnementAction } from './use-abonnement-action';

interface AbonnementActionsProps {
  readonly abonnement: Abonnement;
  readonly online: boolean;
  readonly onChanged: (changed: Abonnement) => void;
}

/** The changes the abonnement's state allows; cancelling, which cannot be undone, asks first. */
export function AbonnementActions({ abonnement, online, onChanged }: AbonnementActionsProps) {
  const { t } = useTranslation();
  const { pending, outcome, run } = useAbonnementAction(abonnement, onChanged);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [performed, setPerformed] = useState(0);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const actions = allowedActions(abonnement.state);

  // The buttons may be gone once the state changed: the focus goes to what happened, once the
  // dialog (closed by its own effect, which runs first) has let go of it.
  useEffect(() => {
    if (performed > 0) outcomeRef.current?.focus();
  }, [performed]);

  async function perform(action: AbonnementAction) {
    await run(action);
    setConfirmingCancel(false);
    setPerformed((count) => count + 1);
  }

  return (
    <>
      {actions.length > 0 && (
        <div className="abonnement-actions">
          {actions.map((action) => (
            <Button
              key={action}
              variant={action === 'cancel' ? 'text' : 'outlined'}
              disabled={!online || pending !== null}
              onClick={() => (action === 'cancel' ? setConfirmingCancel(true) : void perform(action))}
            >
              {t(`abonnement.actions.${action}`)}
            </Button>
          ))}
          {!online && (
            <p className="abonnement-actions__offline">
              {t('abonnement.offlineReason')}
            </p>
          )}
        </div>
      )}
      <div ref={outcomeRef} tabIndex={-1} className="abonnement-actions__outcome">
        {outcome !== null && <AbonnementActionOutcome outcome={outcome} />}
      </div>
      <ConfirmDialog
        open={confirmingCancel}
        headline={t('abonnement.cancelDialog.title')}
        confirmLabel={t('abonnement.actions.confirmCancel')}
        dismissLabel={t('abonnement.actions.keep')}
        pending={pending === 'cancel'}
        onConfirm={() => void perform('cancel')}
        onDismiss={() => setConfirmingCancel(false)}
      >
        <p>{t('abonnement.cancelDialog.body', { name: abonnement.name })}</p>
      </ConfirmDialog>
    </>
  );
}
