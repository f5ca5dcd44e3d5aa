/**
 * Which login method the customer used last on this device (SwissID or the older Post customer login), so that
 * the mask can mark it. Only the method's name is stored, no personal data.
 */
import type { SignInMethod } from './page-login.js';

const KEY = 'post-login:last-method';

export function readLastMethod(): SignInMethod | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'swissid' || value === 'post' ? value : null;
  } catch {
    return null;
  }
}

export function rememberLastMethod(method: SignInMethod): SignInMethod {
  try {
    localStorage.setItem(KEY, method);
  } catch {
    // Storage disabled: nothing is remembered.
  }
  return method;
}
