import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, LogoutIcon } from '../../../components/ui';
import { useAuthSession } from '../../../lib/auth';

export function SignOutButton() {
  const { t } = useTranslation();
  const session = useAuthSession();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="text"
      icon={<LogoutIcon />}
      disabled={pending}
      onClick={() => {
        setPending(true);
        void session.signOut().finally(() => setPending(false));
      }}
    >
      {t('home.signOut')}
    </Button>
  );
}
