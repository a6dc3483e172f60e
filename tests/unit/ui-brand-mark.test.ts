import { describe, expect, it } from 'vitest';
import { brandIconFor } from '../../renderer/src/icons/brand-match';

describe('brand tiles without a logo', () => {
  it('gives Amazon Web Services, the account the MFA seed flow is about, its "aws" wordmark rather than a letter', () => {
    for (const issuer of ['Amazon Web Services', 'AWS', 'aws console'])
      expect(brandIconFor(issuer, ''), issuer).toMatchObject({ mark: 'aws', markHex: 'FF9900' });
    expect(brandIconFor('GitHub', '')?.path).not.toBe('');
  });
});
