import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui';
import { formatCalendarDate, useLanguage } from '../../../lib/i18n';
import type { ProfileField } from '../api/profile';
import type { ProfileConflict as Conflict } from './use-profile-editor';

/**
 * Someone saved the profile while the member was editing it: per field, the saved value
 * ("theirs") against the member's, and the choice. Its heading takes the focus, so a screen
 * reader announces it.
 */
export function ProfileConflict({
  conflict,
  busy,
  onKeepMine,
  onTakeTheirs,
}: {
  readonly conflict: Conflict;
  readonly busy: boolean;
  readonly onKeepMine: () => void;
  readonly onTakeTheirs: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [conflict]);

  const shown = (field: ProfileField, value: string | null | undefined) => {
    if (value === null || value === undefined || value === '') return t('conflict.empty');
    return field === 'date_naissance' ? formatCalendarDate(value, language) : value;
  };

  return (
    <section className="profile-conflict" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className="profile-conflict__title">
        {t('conflict.title')}
      </h2>
      <p>{t(conflict.queued ? 'conflict.introQueued' : 'conflict.intro')}</p>
      <ul className="profile-conflict__fields">
        {conflict.fields.map((field) => (
          <li key={field} className="profile-conflict__field">
            <h3 className="profile-conflict__label">{t(`profile.fields.${field}`)}</h3>
            <dl>
              <div>
                <dt>{t('conflict.theirs')}</dt>
                <dd data-version="theirs">{shown(field, conflict.theirs.data[field])}</dd>
              </div>
              <div>
                <dt>{t('conflict.mine')}</dt>
                <dd data-version="mine">{shown(field, conflict.mine[field])}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      <div className="profile-conflict__actions">
        <Button onClick={onKeepMine} disabled={busy}>
          {t('conflict.keepMine')}
        </Button>
        <Button variant="outlined" onClick={onTakeTheirs} disabled={busy}>
          {t('conflict.takeTheirs')}
        </Button>
      </div>
    </section>
  );
}
