import { describe, expect, it } from 'vitest';
import { suggestedDomains } from '../../electron/browser/issuer-domains';
import { bindingMatches, checkPage, looksLike, parseSiteBinding, registrableDomainOf } from '../../electron/browser/site-match';

/** The verdict for a page against one binding, the way the fill decides. */
function verdict(binding: string, pageUrl: string, frameUrl = pageUrl): string {
  const page = checkPage(pageUrl, frameUrl);
  return page.ok ? bindingMatches(parseSiteBinding(binding), page) : 'refused';
}

describe('registrable domains (Public Suffix List)', () => {
  it('takes the registrable domain under multi-label suffixes', () => {
    expect(registrableDomainOf('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(registrableDomainOf('login.example.com.au')).toBe('example.com.au');
  });

  it('treats each github.io page as its own site (a private suffix)', () => {
    expect(registrableDomainOf('alice.github.io')).toBe('alice.github.io');
    expect(verdict('alice.github.io', 'https://bob.github.io/login')).toBe('other');
    expect(verdict('alice.github.io', 'https://alice.github.io/login')).toBe('match');
  });

  it('refuses a bare public suffix as a binding', () => {
    expect(() => parseSiteBinding('co.uk')).toThrow(/public suffix/);
    expect(() => parseSiteBinding('github.io')).toThrow(/public suffix/);
  });
});

describe('which pages a binding fills on', () => {
  it('fills on the bound site and its subdomains', () => {
    expect(verdict('github.com', 'https://github.com/sessions/two-factor')).toBe('match');
    expect(verdict('https://www.github.com/login', 'https://gist.github.com/')).toBe('match');
  });

  it('does not fill on another registrable domain that contains the name', () => {
    expect(verdict('example.com', 'https://example.com.evil.net/')).toBe('other');
    expect(verdict('example.com', 'https://notexample.com/')).toBe('other');
    expect(verdict('bbc.co.uk', 'https://bbc.co.uk.attacker.co.uk/')).toBe('other');
    expect(verdict('example.co.uk', 'https://other.co.uk/')).toBe('other');
  });

  it('does not fill on look-alikes, and can say they are look-alikes', () => {
    expect(verdict('example.com', 'https://examp1e.com/')).toBe('other');
    expect(looksLike('examp1e.com', 'example.com')).toBe(true);
    // Cyrillic "а" in раypal: the browser hands over punycode.
    const idn = new URL('https://раypal.com/').hostname;
    expect(idn.startsWith('xn--')).toBe(true);
    expect(verdict('paypal.com', `https://${idn}/`)).toBe('other');
    expect(looksLike(registrableDomainOf(idn)!, 'paypal.com')).toBe(true);
    expect(looksLike('rnicrosoft.com', 'microsoft.com')).toBe(true);
    expect(looksLike('gitlab.com', 'github.com')).toBe(false);
  });

  it('does not fill an http page for an https binding, but does when http was bound on purpose', () => {
    expect(verdict('example.com', 'http://example.com/login')).toBe('insecure');
    expect(verdict('http://intranet.example.com', 'http://intranet.example.com/')).toBe('match');
  });

  it('refuses a field in a frame from another origin, and non-web pages', () => {
    expect(verdict('github.com', 'https://evil.test/', 'https://github.com/frame')).toBe('refused');
    expect(verdict('github.com', 'https://github.com/', 'https://evil.test/frame')).toBe('refused');
    expect(verdict('github.com', 'https://github.com/', 'http://github.com/')).toBe('refused');
    expect(verdict('github.com', 'file:///home/a/github.com.html')).toBe('refused');
    expect(checkPage('https://github.com/a', 'https://github.com/b').ok).toBe(true);
  });
});

describe('suggested sites', () => {
  it('suggests known issuers and domain-shaped issuers', () => {
    expect(suggestedDomains('GitHub')).toEqual(['github.com']);
    expect(suggestedDomains('Amazon Web Services')).toEqual(['amazon.com']);
    expect(suggestedDomains('login.example.co.uk')).toEqual(['example.co.uk']);
    expect(suggestedDomains('My Bank')).toEqual([]);
  });
});
