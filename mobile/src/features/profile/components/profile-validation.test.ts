import { describe, expect, it } from 'vitest';
import { formValues } from './profile-patch';
import { firstInvalidField, swissToday, validateProfile } from './profile-validation';

const valid = formValues({
  prenom: 'Anna',
  nom: 'Muster',
  date_naissance: '1990-04-12',
  rue: 'Rue du Lac 1',
  npa: '1200',
  localite: 'Genève',
  tel: '079 123 45 67',
});
const today = '2026-03-01';

describe('validateProfile', () => {
  it('accepts a valid profile, and empty optional fields', () => {
    expect(validateProfile(valid, today)).toEqual({});
    expect(validateProfile({ ...valid, date_naissance: '', rue: '', npa: '', localite: '', tel: '' }, today)).toEqual({});
  });

  it('requires the first and last names', () => {
    expect(validateProfile({ ...valid, prenom: ' ', nom: '' }, today)).toEqual({
      prenom: 'profile.errors.prenomRequired',
      nom: 'profile.errors.nomRequired',
    });
  });

  it('applies the server’s lengths to the trimmed text', () => {
    expect(validateProfile({ ...valid, nom: 'x'.repeat(101), rue: 'x'.repeat(256), localite: ` ${'x'.repeat(100)} ` }, today)).toEqual({
      nom: 'profile.errors.tooLong100',
      rue: 'profile.errors.tooLong255',
    });
  });

  it('wants an NPA of exactly 4 digits', () => {
    expect(validateProfile({ ...valid, npa: '120' }, today).npa).toBe('profile.errors.npaFormat');
    expect(validateProfile({ ...valid, npa: '12000' }, today).npa).toBe('profile.errors.npaFormat');
    expect(validateProfile({ ...valid, npa: ' 1200 ' }, today).npa).toBeUndefined();
  });

  it('wants a birth date before today and not before 1900', () => {
    expect(validateProfile({ ...valid, date_naissance: today }, today).date_naissance).toBe('profile.errors.dateNotPast');
    expect(validateProfile({ ...valid, date_naissance: '1899-12-31' }, today).date_naissance).toBe('profile.errors.dateTooEarly');
    expect(validateProfile({ ...valid, date_naissance: '1900-01-01' }, today).date_naissance).toBeUndefined();
    expect(validateProfile({ ...valid, date_naissance: '2001-02-30' }, today).date_naissance).toBe('profile.errors.dateFormat');
  });

  it('refuses control characters and letters in a phone number', () => {
    expect(validateProfile({ ...valid, localite: 'Gen\u0007ève', tel: '079 abc' }, today)).toEqual({
      localite: 'profile.errors.controlCharacters',
      tel: 'profile.errors.telFormat',
    });
  });

  it('points at the first field at fault in the form’s order', () => {
    expect(firstInvalidField({ tel: 'x', nom: 'y' })).toBe('nom');
    expect(firstInvalidField({})).toBeUndefined();
  });
});

describe('swissToday', () => {
  it('is the date in Zurich, not in UTC', () => {
    expect(swissToday(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
  });
});
