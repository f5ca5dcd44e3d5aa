import type { Dictionaries } from '../core/locale.js';
import type { LazyMessages } from './en.js';

/** The dictionaries of `<post-login>`, one chunk per language (the mask's own words are in first-paint.ts). */
export const postLoginDictionaries: Dictionaries<LazyMessages> = {
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  it: () => import('./it.js'),
  en: () => import('./en.js'),
};
