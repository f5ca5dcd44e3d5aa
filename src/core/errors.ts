/**
 * Stable error codes the host can rely on. The customer sees a localized message for each; the code travels in
 * `post-login-error` events. Messages and codes never contain tokens or provider-supplied text.
 */
export type ErrorCode =
  | 'popup_blocked'
  | 'popup_closed'
  | 'popup_timeout'
  | 'cancelled'
  | 'response_invalid'
  | 'id_token_invalid'
  | 'provider_error'
  | 'provider_unreachable'
  | 'account_unavailable'
  | 'renewal_failed'
  | 'config_invalid'
  | 'signed_out';

export class PostLoginError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, detail?: string) {
    // The detail is for developers (e.g. which ID token check failed); it never holds a token.
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'PostLoginError';
    this.code = code;
  }
}

export function isPostLoginError(error: unknown): error is PostLoginError {
  return error instanceof PostLoginError;
}

/**
 * An error code from elsewhere (the provider's `error`, the API's `{ "error": … }`) as far as it looks like one: up to
 * 40 lowercase letters, `_`, `.` and `-` (no digit, so no token passes). Anything else (a token, prose, markup) is
 * dropped, so that it can go into a message or an event.
 */
export function foreignCode(value: unknown): string | null {
  return typeof value === 'string' && /^[a-z][a-z_.-]{0,39}$/.test(value) ? value : null;
}
