import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/ui';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <div className="app-stack">
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>
        <Link to="/" className="app-link">
          {t('notFound.back')}
        </Link>
      </p>
    </div>
  );
}
