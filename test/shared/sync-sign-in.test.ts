import { describe, expect, it } from 'vitest';
import { syncSignInInput } from '../../src-shared/api/sync-handlers';
import { checkServerUrl } from '../../src-shared/sync/server-url';

describe('server address', () => {
  it.each([
    ['https://custodian.example.gov.uk', 'https://custodian.example.gov.uk'],
    ['  HTTPS://Custodian.Example.GOV.UK/ ', 'https://custodian.example.gov.uk'],
    ['https://custodian.example.gov.uk:8443/api/', 'https://custodian.example.gov.uk:8443/api'],
    ['http://127.0.0.1:41234', 'http://127.0.0.1:41234'],
    ['http://localhost:8080/', 'http://localhost:8080'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
  ])('accepts %s as %s', (text, url) => {
    expect(checkServerUrl(text)).toEqual({ ok: true, url });
  });

  it.each([
    ['', /Enter the address/],
    ['custodian.example.gov.uk', /correct format/],
    ['http://custodian.example.gov.uk', /must start with https:\/\/.*only for a server on this computer/],
    ['http://10.0.0.5:8080', /must start with https/],
    ['http://127.0.0.1.evil.example', /must start with https/],
    ['ftp://custodian.example.gov.uk', /must start with https/],
    ['https://user:secret@custodian.example.gov.uk', /correct format/],
    ['https://custodian.example.gov.uk/?next=evil', /correct format/],
    ['https://custodian.example.gov.uk#x', /correct format/],
    ['https://custodian.example.gov.uk:99999', /port/],
  ])('refuses %j', (text, message) => {
    const result = checkServerUrl(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('sign-in form schema', () => {
  const valid = { serverUrl: 'https://custodian.example.gov.uk', email: 'Ada@Example.gov.uk', password: 'pw' };

  it('normalises the address and email, and treats a blank new password as not given', () => {
    expect(syncSignInInput.parse({ ...valid, newPassword: '' })).toEqual({ ...valid, email: 'ada@example.gov.uk', newPassword: undefined });
  });

  it('names each field at fault', () => {
    const result = syncSignInInput.safeParse({ serverUrl: 'http://example.com', email: 'nope', password: '', newPassword: 'short' });
    expect(result.success).toBe(false);
    if (result.success) return;
    const fields = Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(Object.keys(fields).sort()).toEqual(['email', 'newPassword', 'password', 'serverUrl']);
    expect(fields.newPassword).toMatch(/at least 12 characters/);
  });
});
