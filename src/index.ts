/** Registers every element and re-exports the public API. */
export * from './post-login/index.js';
export type { Profile, AccountType, AccountRole } from './core/session-store.js';
export type { ErrorCode } from './core/errors.js';
export type { Messages } from './i18n/en.js';
export type { Language } from './core/locale.js';
