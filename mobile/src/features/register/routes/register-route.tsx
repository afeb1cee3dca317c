import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../../components/ui';
import { RegisterForm } from '../components/register-form';
import './register.css';

export function RegisterRoute() {
  const { t } = useTranslation();
  return (
    <div className="app-stack">
      <PageHeading>{t('register.title')}</PageHeading>
      <p className="register__intro">{t('register.intro')}</p>
      <RegisterForm />
      <p className="register__sign-in">
        {t('register.haveAccount')}{' '}
        <Link to="/sign-in" className="app-link">
          {t('register.signInLink')}
        </Link>
      </p>
    </div>
  );
}
