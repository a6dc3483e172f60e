import type { BrandIcon } from './brand-icon-type';
import { BRAND_ICONS } from './brand-icons';

/** Issuer spellings that differ from the icon's slug or title. */
const ALIASES: Readonly<Record<string, string>> = {
  amazonwebservices: 'aws',
  awsconsole: 'aws',
  signin: 'aws',
  azure: 'microsoft',
  microsoftazure: 'microsoft',
  outlook: 'microsoft',
  office365: 'microsoft',
  live: 'microsoft',
  twitter: 'x',
  battlenet: 'battledotnet',
  blizzard: 'battledotnet',
  protonmail: 'proton',
  epic: 'epicgames',
  googlecloudplatform: 'googlecloud',
  gcp: 'googlecloud',
  pypiorg: 'pypi',
  npmjs: 'npm',
};

const normalize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

const byName = new Map<string, string>();
for (const [slug, icon] of Object.entries(BRAND_ICONS)) {
  byName.set(slug, slug);
  byName.set(normalize(icon.title), slug);
}
for (const [alias, slug] of Object.entries(ALIASES)) byName.set(alias, slug);

/** The slug for an issuer: whole name, then without a domain ending, then its first word. */
export function brandSlugFor(issuer: string): string | null {
  const trimmed = issuer.trim().toLowerCase();
  if (!trimmed) return null;
  const candidates = [
    trimmed,
    trimmed.replace(/\.(com|net|org|io|dev|co|de|uk|app)$/, ''),
    trimmed.split(/[\s:.(/@-]+/)[0] ?? '',
  ];
  for (const candidate of candidates) {
    const slug = byName.get(normalize(candidate));
    if (slug) return slug;
  }
  return null;
}

/** The icon to show: the account's chosen slug, '-' for a plain letter, or '' to match by issuer. */
export function brandIconFor(issuer: string, chosen: string): BrandIcon | null {
  if (chosen === '-') return null;
  const slug = chosen ? chosen : brandSlugFor(issuer);
  return slug ? (BRAND_ICONS[slug] ?? null) : null;
}

/** Every icon, for the edit dialog's picker, sorted by title. */
export function brandChoices(): { slug: string; title: string }[] {
  return Object.entries(BRAND_ICONS)
    .map(([slug, icon]) => ({ slug, title: icon.title }))
    .sort((a, b) => a.title.localeCompare(b.title));
}
