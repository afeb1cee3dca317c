import { describe, expect, it } from 'vitest';
import { findConflicts } from './conflict';

describe('findConflicts', () => {
  const mine = { localite: 'Genève', tel: '+41791234567', rue: null };

  it('names the changed fields the server now holds differently', () => {
    const theirs = { localite: 'Lausanne', tel: '+41791234567', rue: null, nom: 'Muster' };
    expect(findConflicts(mine, theirs)).toMatchObject({ conflicting: ['localite'], agreed: ['tel', 'rue'] });
  });

  it('keeps mine with my changed fields only, never a field of theirs', () => {
    const theirs = { localite: 'Lausanne', tel: '+41220000000', rue: 'Rue du Lac 1', nom: 'Autre' };
    const conflict = findConflicts(mine, theirs);
    expect(conflict.conflicting).toEqual(['localite', 'tel', 'rue']);
    expect(conflict.keepMine).toEqual({ localite: 'Genève', tel: '+41791234567', rue: null });
  });

  it('reads an absent field as an empty one', () => {
    expect(findConflicts({ rue: null }, {}).conflicting).toEqual([]);
  });

  it('finds nothing to ask when the server already holds my edit', () => {
    const sameNumber = (field: string, a: unknown, b: unknown) =>
      field === 'tel' ? String(a).replace(/\s/g, '') === String(b) : a === b;
    expect(findConflicts({ tel: '+41 79 123 45 67' }, { tel: '+41791234567' }, sameNumber).conflicting).toEqual([]);
  });
});
