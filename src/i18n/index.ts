import type { Dictionaries } from '../core/locale.js';
import type { Messages } from './en.js';

/** The dictionaries of `<post-login>`, one chunk per language. */
export const postLoginDictionaries: Dictionaries<Messages> = {
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  it: () => import('./it.js'),
  en: () => import('./en.js'),
};
