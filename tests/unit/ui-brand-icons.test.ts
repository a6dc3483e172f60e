import { describe, expect, it } from 'vitest';
import { brandIconFor, brandSlugFor } from '../../renderer/src/icons/brand-match';

describe('brand icons for issuers', () => {
  it('find the service however the issuer is spelt', () => {
    expect(brandSlugFor('GitHub')).toBe('github');
    expect(brandSlugFor('github.com')).toBe('github');
    expect(brandSlugFor('Google (Work)')).toBe('google');
    expect(brandSlugFor('Amazon Web Services')).toBe('aws');
    expect(brandSlugFor('Battle.net')).toBe('battledotnet');
    expect(brandSlugFor('ProtonMail')).toBe('proton');
  });

  it('fall back to a letter for unknown services, or when the user chose a letter', () => {
    expect(brandSlugFor('Acme Intranet')).toBeNull();
    expect(brandIconFor('GitHub', '-')).toBeNull();
    expect(brandIconFor('Acme', 'dropbox')?.title).toBe('Dropbox');
  });

  it('carry a drawable path, except brands whose owners had them removed (colour only)', () => {
    expect(brandIconFor('GitHub', '')?.path).toMatch(/^M/);
    expect(brandIconFor('Microsoft', '')).toMatchObject({ path: '', hex: expect.stringMatching(/^[0-9A-F]{6}$/i) });
  });
});
