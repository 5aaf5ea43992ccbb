import { describe, expect, it } from 'vitest';
import type { ApiKeyRecord } from '../../../../../shared/api';
import {
  checkKeyDraft,
  creatableRoles,
  isOwnKey,
  keyProblemsFromError,
  keysPageGate,
} from '../../../../../renderer/screens/settings/apiKeyForm';

describe('API keys page rules', () => {
  it('is for owners and admins; others are told why', () => {
    expect(keysPageGate('owner')).toEqual({ allowed: true });
    expect(keysPageGate('admin')).toEqual({ allowed: true });
    expect(keysPageGate('member')).toEqual({
      allowed: false,
      reason: 'Managing API keys needs the owner or admin role; this key has the member role.',
    });
    expect(keysPageGate('viewer')).toMatchObject({ allowed: false });
  });

  it('offers only roles up to the current key’s own', () => {
    expect(creatableRoles('owner')).toEqual(['owner', 'admin', 'member', 'viewer']);
    expect(creatableRoles('admin')).toEqual(['admin', 'member', 'viewer']);
  });

  it('checks a draft with the contract schema', () => {
    expect(checkKeyDraft({ name: 'CI', role: 'viewer' })).toEqual({
      ok: true,
      request: { name: 'CI', role: 'viewer' },
    });
    expect(checkKeyDraft({ name: ' ', role: 'viewer' })).toEqual({
      ok: false,
      problems: { name: 'A key name cannot be only spaces.' },
    });
    expect(checkKeyDraft({ name: 'x'.repeat(101), role: 'viewer' })).toMatchObject({
      ok: false,
      problems: { name: 'A key name has at most 100 characters.' },
    });
  });

  it('puts a server refusal on its field', () => {
    expect(
      keyProblemsFromError({
        code: 'validation_error',
        message: 'x',
        details: { problems: [{ field: 'name', message: 'too long' }] },
      }),
    ).toEqual({ name: 'too long' });
    expect(keyProblemsFromError({ code: 'forbidden', message: 'needs owner' })).toEqual({ role: 'needs owner' });
    expect(keyProblemsFromError({ code: 'network', message: 'down' })).toEqual({ form: 'down' });
  });

  it('recognises the key the app is signed in with by its prefix', () => {
    const key = { key_prefix: 'pk_live_abcd' } as ApiKeyRecord;
    expect(isOwnKey(key, 'pk_live_abcd')).toBe(true);
    expect(isOwnKey(key, 'pk_live_zzzz')).toBe(false);
    expect(isOwnKey(key, null)).toBe(false);
    expect(isOwnKey(key, '')).toBe(false);
  });
});
