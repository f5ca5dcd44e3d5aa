import type { ErrorCode } from '../core/errors.js';
import type { LoginSettings, SignInMethod } from '../core/page-login.js';
import type { ErrorMessages } from '../i18n/errors.en.js';

/**
 * What `<post-login>` tells the customer about an error: loaded with the error messages when there is one to say
 * (a sign-in does not need it). Errors of the older Post customer login are said as that login's.
 */
export interface ErrorDescription {
  message: string;
  /** Whom to tell when it keeps happening (SwissSign, or the Post Contact Center), for the errors nobody can fix here. */
  hint: string | null;
}

type ErrorKey = keyof ErrorMessages;

/** Each error's message: from the errors' chunk, but for the three that say what the signed-in view says too. */
const ERROR_MESSAGES: Record<ErrorCode, ErrorKey | 'errorAccount' | 'sessionExpired'> = {
  popup_blocked: 'errorPopupBlocked',
  popup_closed: 'errorPopupClosed',
  popup_timeout: 'errorPopupTimeout',
  cancelled: 'errorCancelled',
  response_invalid: 'errorResponseInvalid',
  id_token_invalid: 'errorTokenInvalid',
  provider_error: 'errorProvider',
  provider_unreachable: 'errorUnreachable',
  account_unavailable: 'errorAccount',
  renewal_failed: 'sessionExpired',
  config_invalid: 'errorConfig',
  signed_out: 'sessionExpired',
};

/** Errors the customer can do nothing about except trying again later or telling someone. */
const WITH_CONTACT_HINT: ReadonlySet<ErrorCode> = new Set(['provider_error', 'provider_unreachable', 'response_invalid', 'id_token_invalid']);

/** The older Post customer login's own wording, where SwissID's names SwissID (its window, its answer, SwissSign). */
const LEGACY_MESSAGES: Partial<Record<ErrorCode, ErrorKey>> = {
  popup_blocked: 'errorPopupBlockedLegacy',
  popup_closed: 'errorPopupClosedLegacy',
  popup_timeout: 'errorPopupTimeoutLegacy',
  response_invalid: 'errorResponseInvalidLegacy',
  provider_error: 'errorProviderLegacy',
  provider_unreachable: 'errorUnreachableLegacy',
};

/**
 * What the customer is told about an error of `method`'s sign-in: `t` answers the language chunk's strings,
 * `errorText` the error messages'.
 */
export function describeError(
  code: ErrorCode,
  method: SignInMethod | null,
  t: (key: 'errorAccount' | 'sessionExpired') => string,
  errorText: (key: keyof ErrorMessages) => string,
): ErrorDescription {
  const key = (method === 'post' && LEGACY_MESSAGES[code]) || ERROR_MESSAGES[code];
  const message = key === 'errorAccount' || key === 'sessionExpired' ? t(key) : errorText(key);
  const hint = WITH_CONTACT_HINT.has(code) ? errorText(method === 'post' ? 'errorContactHintLegacy' : 'errorContactHint') : null;
  return { message, hint };
}

/** The attributes of each login method, as a developer writes them. */
const METHOD_ATTRIBUTES = {
  swissid: { issuer: 'authority', client: 'client-id', name: 'SwissID' },
  post: { issuer: 'legacy-authority', client: 'legacy-client-id', name: 'the older Post customer login' },
} as const;

function isAddress(value: string, base?: string): boolean {
  try {
    new URL(value, base);
    return true;
  } catch {
    return false;
  }
}

const warned = new WeakSet<LoginSettings>();

/**
 * A setting that keeps the element from working, for the page's developer: `diagnostic` when the sign-in found it
 * (say, the provider names another issuer), else the attribute that is wrong and how to set it. Said in the console
 * once per element (with the element, for the console to point at).
 */
export function configDiagnostic(element: LoginSettings, methods: readonly SignInMethod[], diagnostic?: string): string {
  diagnostic ??= `<post-login>: ${configProblem(element, methods)}`;
  if (!warned.has(element)) console.warn(diagnostic, element);
  warned.add(element);
  return diagnostic;
}

/** Which attribute keeps the element from working, and how to set it. Never holds more than the element's settings. */
function configProblem(settings: LoginSettings, methods: readonly SignInMethod[]): string {
  for (const method of methods) {
    const { issuer, client, name } = METHOD_ATTRIBUTES[method];
    const [issuerValue, clientValue] =
      method === 'swissid' ? [settings.authority, settings.clientId] : [settings.legacyAuthority, settings.legacyClientId];
    if (!issuerValue) return `${issuer} is missing: set it to the issuer URL of ${name} (its OpenID provider).`;
    if (!isAddress(issuerValue)) return `${issuer}="${issuerValue}" is not an absolute URL: set it to the issuer URL of ${name}.`;
    if (!clientValue) return `${client} is missing: set it to the OAuth client id registered for this site at ${name}.`;
  }
  const addresses = [
    ['redirect-uri', settings.redirectUri],
    ['popup-redirect-uri', settings.popupRedirectUri],
    ['post-logout-redirect-uri', settings.postLogoutRedirectUri],
    ['api', settings.api],
  ] as const;
  for (const [attribute, value] of addresses) {
    if (value && !isAddress(value, location.href)) return `${attribute}="${value}" is not a URL: give an absolute URL or one relative to this page.`;
  }
  return 'the settings are not valid.';
}
