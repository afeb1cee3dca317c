import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui';
import type { Loaded } from '../../../lib/data';
import { useOnline } from '../../../lib/offline';
import type { Profile } from '../api/profile';
import { EditorStatusMessage } from './editor-status-message';
import { PendingEditNotice } from './pending-edit-notice';
import { ProfileConflict } from './profile-conflict';
import { ProfileForm } from './profile-form';
import { useProfileEditor } from './use-profile-editor';

/** The profile form, or the conflict view while a refused save waits for the member's choice. */
export function ProfileEditorView({
  loaded,
  replace,
}: {
  readonly loaded: Loaded<Profile>;
  readonly replace: (next: Loaded<Profile>) => void;
}) {
  const { t } = useTranslation();
  const online = useOnline();
  const editor = useProfileEditor(loaded, replace);
  const { status, pending } = editor;

  if (status.type === 'conflict') {
    const { conflict } = status;
    return (
      <ProfileConflict
        conflict={conflict}
        busy={false}
        onKeepMine={() => void editor.keepMine(conflict)}
        onTakeTheirs={() => void editor.takeTheirs(conflict)}
      />
    );
  }

  return (
    <div className="app-stack">
      {!online && (
        <Alert tone="info">
          <p>{t('profile.offlineHint')}</p>
        </Alert>
      )}
      {pending !== null && pending !== undefined && (
        <PendingEditNotice edit={pending} onDiscard={() => void editor.dropPending()} />
      )}
      <div aria-live="polite" className="app-stack">
        <EditorStatusMessage
          status={status}
          onRetryConflict={() => {
            if (status.type === 'conflict-failed') void editor.retryConflict(status.mine, status.queued);
          }}
        />
      </div>
      <ProfileForm editor={editor} email={editor.baseline.data.email} />
    </div>
  );
}
