import { describe, expect, it } from 'vitest';
import type { ProfileFields } from '../api/profile';
import { buildProfilePatch, formValues, samePatch } from './profile-patch';

const saved: ProfileFields = {
  prenom: 'Anna',
  nom: 'Muster',
  date_naissance: '1990-04-12',
  rue: 'Rue du Lac 1',
  npa: '1200',
  localite: 'Genève',
  tel: '+41791234567',
};

describe('buildProfilePatch', () => {
  it('holds only the changed fields', () => {
    const values = { ...formValues(saved), localite: 'Lausanne', npa: '1003' };
    expect(buildProfilePatch(saved, values)).toEqual({ localite: 'Lausanne', npa: '1003' });
  });

  it('is empty when nothing changed', () => {
    expect(buildProfilePatch(saved, formValues(saved))).toEqual({});
  });

  it('trims, and a value equal once trimmed is no change', () => {
    const values = { ...formValues(saved), prenom: '  Anna ', rue: ' Rue du Port 2  ' };
    expect(buildProfilePatch(saved, values)).toEqual({ rue: 'Rue du Port 2' });
  });

  it('removes an emptied optional field with null', () => {
    const values = { ...formValues(saved), tel: '', date_naissance: '', rue: '   ' };
    expect(buildProfilePatch(saved, values)).toEqual({ tel: null, date_naissance: null, rue: null });
  });

  it('never removes a first or last name', () => {
    expect(buildProfilePatch(saved, { ...formValues(saved), prenom: ' ', nom: '' })).toEqual({});
  });

  it('sets a field the profile did not have, and leaves an empty one empty', () => {
    const sparse: ProfileFields = { ...saved, tel: null, rue: null };
    expect(buildProfilePatch(sparse, { ...formValues(sparse), tel: '079 123 45 67' })).toEqual({ tel: '079 123 45 67' });
    expect(buildProfilePatch(sparse, formValues(sparse))).toEqual({});
  });
});

describe('formValues', () => {
  it('shows pending changes over the profile, a removal as an empty field', () => {
    expect(formValues(saved, { localite: 'Lausanne', tel: null })).toMatchObject({ localite: 'Lausanne', tel: '', nom: 'Muster' });
  });
});

describe('samePatch', () => {
  it('compares fields and values, null included', () => {
    expect(samePatch({ tel: null, npa: '1003' }, { npa: '1003', tel: null })).toBe(true);
    expect(samePatch({ tel: null }, { tel: '' })).toBe(false);
    expect(samePatch({}, { npa: '1003' })).toBe(false);
  });
});
