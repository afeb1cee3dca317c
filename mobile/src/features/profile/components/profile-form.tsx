import { useEffect, useRef, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextField, type TextFieldProps } from '../../../components/ui';
import { PROFILE_FIELDS, type ProfileField } from '../api/profile';
import type { ProfileEditor } from './use-profile-editor';

type InputHints = Pick<TextFieldProps, 'type' | 'autoComplete' | 'inputMode'>;

const hints: Record<ProfileField, InputHints> = {
  prenom: { autoComplete: 'given-name' },
  nom: { autoComplete: 'family-name' },
  // A native date picker: it speaks the phone's language and gives the API's YYYY-MM-DD.
  date_naissance: { type: 'date', autoComplete: 'bday' },
  rue: { autoComplete: 'address-line1' },
  npa: { autoComplete: 'postal-code', inputMode: 'numeric' },
  localite: { autoComplete: 'address-level2' },
  tel: { type: 'tel', autoComplete: 'tel', inputMode: 'tel' },
};

/** The member's editable details; the inputs are named after the API's fields. */
export function ProfileForm({ editor, email }: { readonly editor: ProfileEditor; readonly email: string }) {
  const { t } = useTranslation();
  const inputs = useRef<Partial<Record<ProfileField, HTMLInputElement | null>>>({});
  const saving = editor.status.type === 'saving';
  const { focusRequest } = editor;

  useEffect(() => {
    if (focusRequest !== null) inputs.current[focusRequest.field]?.focus();
  }, [focusRequest]);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!saving) void editor.save();
  }

  return (
    <form className="profile-form" noValidate onSubmit={onSubmit} aria-busy={saving}>
      <dl className="profile-form__email">
        <dt>{t('profile.email')}</dt>
        <dd>{email}</dd>
      </dl>
      {PROFILE_FIELDS.map((field) => {
        const error = editor.errors[field];
        return (
          <TextField
            key={field}
            name={field}
            label={t(`profile.fields.${field}`)}
            value={editor.values[field]}
            onChange={(value) => editor.setValue(field, value)}
            error={error !== undefined ? t(error) : undefined}
            required={field === 'prenom' || field === 'nom'}
            inputRef={(input) => {
              inputs.current[field] = input;
            }}
            {...hints[field]}
          />
        );
      })}
      <Button type="submit" disabled={saving}>
        {saving ? t('profile.saving') : t('profile.save')}
      </Button>
    </form>
  );
}
