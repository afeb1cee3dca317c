import { describe, expect, it } from 'vitest';
import { mapServerFieldErrors } from './server-field-errors';

describe('mapServerFieldErrors', () => {
  it('puts each known message under its field as the app’s own message', () => {
    const mapped = mapServerFieldErrors([
      { field: 'npa', message: 'must be exactly 4 digits' },
      { field: 'tel', message: 'must be a valid phone number' },
      { field: 'date_naissance', message: 'must be in the past' },
      { field: 'nom', message: 'cannot be removed' },
      { field: 'rue', message: 'must be at most 255 characters' },
    ]);
    expect(mapped.fields).toEqual({
      npa: 'profile.errors.npaFormat',
      tel: 'profile.errors.telFormat',
      date_naissance: 'profile.errors.dateNotPast',
      nom: 'profile.errors.nomRequired',
      rue: 'profile.errors.tooLong255',
    });
    expect(mapped.unplaced).toEqual([]);
  });

  it('falls back on a message of the field for one it does not know', () => {
    expect(mapServerFieldErrors([{ field: 'localite', message: 'is not a Swiss town' }]).fields).toEqual({
      localite: 'profile.invalid.localite',
    });
    expect(mapServerFieldErrors([{ field: 'rue', message: 'must not be blank' }]).fields).toEqual({ rue: 'profile.invalid.rue' });
  });

  it('keeps the first message of a field and sets aside fields the form does not show', () => {
    const mapped = mapServerFieldErrors([
      { field: 'tel', message: 'must be a valid phone number' },
      { field: 'tel', message: 'must not contain control characters' },
      { field: 'email', message: 'cannot be changed' },
    ]);
    expect(mapped.fields).toEqual({ tel: 'profile.errors.telFormat' });
    expect(mapped.unplaced).toEqual([{ field: 'email', message: 'cannot be changed' }]);
  });
});
