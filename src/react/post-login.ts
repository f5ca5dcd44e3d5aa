import { PostLogin as PostLoginElement } from '../post-login/index.js';
import { createWrapper } from './create-wrapper.js';

/**
 * `<post-login>` for React. Registers the element. Props are its properties (`authority`, `clientId`, `api`, `flow`,
 * `texts`…); `onReady`, `onSignIn`, `onSignOut`, `onSessionExpired`, `onError`, `onAccountChange` and `onLinkRequest`
 * get its events with their typed fields (`event.profile`, `event.via`, `event.code`…). A `ref` gives the element, for
 * `signIn()`, `signOut()` and `getAuthorization()`.
 */
export const PostLogin = createWrapper('post-login', PostLoginElement, 'PostLogin', {
  onReady: 'post-login-ready',
  onSignIn: 'post-login-sign-in',
  onSignOut: 'post-login-sign-out',
  onSessionExpired: 'post-login-session-expired',
  onError: 'post-login-error',
  onAccountChange: 'post-login-account-change',
  onLinkRequest: 'post-login-link-request',
});
