import type { Dictionaries } from '../core/locale.js';
import type { AddressPickerMessages } from './address-picker.en.js';

/** The dictionaries of `<address-picker>`, one chunk per language. */
export const addressPickerDictionaries: Dictionaries<AddressPickerMessages> = {
  de: () => import('./address-picker.de.js'),
  fr: () => import('./address-picker.fr.js'),
  it: () => import('./address-picker.it.js'),
  en: () => import('./address-picker.en.js'),
};
