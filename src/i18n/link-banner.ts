import type { Dictionaries } from '../core/locale.js';
import type { LinkBannerMessages } from './link-banner.en.js';

/** The dictionaries of `<swissid-link-banner>`, one chunk per language. */
export const linkBannerDictionaries: Dictionaries<LinkBannerMessages> = {
  de: () => import('./link-banner.de.js'),
  fr: () => import('./link-banner.fr.js'),
  it: () => import('./link-banner.it.js'),
  en: () => import('./link-banner.en.js'),
};
