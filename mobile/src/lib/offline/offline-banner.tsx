import { useTranslation } from 'react-i18next';
import { useOnline } from './online';
import './offline-banner.css';

/**
 * Says the app is offline for as long as it is. The live region stays in the page, empty and
 * without height while online: screen readers announce a message put into a region they already
 * know, not one that appears with it.
 */
export function OfflineBanner() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <div className="offline-banner" role="status">
      {online ? null : (
        <>
          <strong className="offline-banner__title">{t('offline.title')}</strong>{' '}
          <span>{t('offline.body')}</span>
        </>
      )}
    </div>
  );
}
