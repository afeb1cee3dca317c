import { describe, expect, it } from 'vitest';
import { memberIdOf, type AccessToken } from './access-token';

const base64url = (value: object) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const tokenOf = (value: string): AccessToken => ({ value, sessionId: 's', issuedAt: 0, expiresAt: 1 });

describe('memberIdOf', () => {
  it('reads the subject of a JWT', () => {
    const jwt = `${base64url({ alg: 'ES256' })}.${base64url({ sub: '5d0c3f5e-1b0a-4c4e-9a0e-7f1d2c3b4a5d', sid: 's' })}.sig`;
    expect(memberIdOf(tokenOf(jwt))).toBe('5d0c3f5e-1b0a-4c4e-9a0e-7f1d2c3b4a5d');
  });

  it('answers null for anything else', () => {
    expect(memberIdOf(tokenOf('opaque'))).toBeNull();
    expect(memberIdOf(tokenOf('a.!!!.c'))).toBeNull();
    expect(memberIdOf(tokenOf(`a.${base64url({ sid: 's' })}.c`))).toBeNull();
  });
});
