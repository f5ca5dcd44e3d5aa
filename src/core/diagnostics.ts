/**
 * What error events tell the page's developers besides the stable code (`diagnostic`). A module of its own, loaded
 * with the code that reports such errors, not with the login mask's first paint.
 */
import { foreignCode, isPostLoginError } from './errors.js';
import { HttpError } from './http.js';

/**
 * For developers, in error events (`diagnostic`): what failed, in the widgets' own words (an ID token check, the API's
 * status and error code), or `fallback`. Never a token or text from elsewhere.
 */
export function diagnosticOf(error: unknown, fallback: string): string {
  if (error instanceof HttpError) return [error.message, foreignCode(error.code)].filter(Boolean).join(' ');
  return isPostLoginError(error) ? error.message : fallback;
}
