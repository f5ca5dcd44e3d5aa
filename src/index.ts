/** Registers every element and re-exports the public API. */
export * from './post-login/index.js';
export * from './swissid-link-banner/index.js';
export * from './address-picker/index.js';
export type { Profile, Account, AccountType, AccountRole, SignInMethod } from './core/page-login.js';
export type { ErrorCode } from './core/errors.js';
export type { LinkedAccount } from './swissid-link-banner/link-api.js';
export type { Messages } from './i18n/en.js';
export type { LinkBannerMessages } from './i18n/link-banner.en.js';
export type { AddressPickerMessages } from './i18n/address-picker.en.js';
export type { Address, AddressService } from './address-picker/address-api.js';
export type { Language } from './core/locale.js';
