import type { Dictionaries } from '../core/locale.js';
import type { LazyMessages } from './en.js';
import type { ErrorMessages } from './errors.en.js';
import type { HelpMessages } from './help.en.js';

/** The dictionaries of `<post-login>`, one chunk per language (the mask's own words are in first-paint.ts). */
export const postLoginDictionaries: Dictionaries<LazyMessages> = {
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  it: () => import('./it.js'),
  en: () => import('./en.js'),
};

/** `<post-login>`'s help texts, one chunk per language, loaded when the help opens. */
export const helpDictionaries: Dictionaries<HelpMessages> = {
  de: () => import('./help.de.js'),
  fr: () => import('./help.fr.js'),
  it: () => import('./help.it.js'),
  en: () => import('./help.en.js'),
};

/** `<post-login>`'s error messages, one chunk per language, loaded when an error is to be shown. */
export const errorDictionaries: Dictionaries<ErrorMessages> = {
  de: () => import('./errors.de.js'),
  fr: () => import('./errors.fr.js'),
  it: () => import('./errors.it.js'),
  en: () => import('./errors.en.js'),
};
