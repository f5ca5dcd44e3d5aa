import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { LoginSettings, SignInFlow } from '../core/page-login.js';
import type { Messages } from '../i18n/en.js';
import type { PostLoginView } from './post-login.templates.js';

/** `<post-login>`'s configuration: the attributes and properties a site sets (see the README's table). */
export class PostLoginSettings extends LitElement implements LoginSettings {
  /** The OpenID provider's issuer URL (SwissID in production). */
  @property() authority = '';

  /** The OAuth client id registered for this site. */
  @property({ attribute: 'client-id' }) clientId = '';

  /** Where the provider sends the customer back; defaults to this page without query and hash. */
  @property({ attribute: 'redirect-uri' }) redirectUri = '';

  /** Where the popup sign-in lands; defaults to `redirect-uri`. The page there needs a `<post-login>` with the same settings. */
  @property({ attribute: 'popup-redirect-uri' }) popupRedirectUri = '';

  /** Where the provider sends the customer after logout; defaults to `redirect-uri`. */
  @property({ attribute: 'post-logout-redirect-uri' }) postLogoutRedirectUri = '';

  /**
   * Issuer URL of the older Post customer login, for accounts not linked to SwissID yet. When set (with
   * `legacy-client-id`), the mask offers it below "Login with SwissID".
   */
  @property({ attribute: 'legacy-authority' }) legacyAuthority = '';

  /** The OAuth client registered for this site at the older Post customer login. */
  @property({ attribute: 'legacy-client-id' }) legacyClientId = '';

  /** Base URL of the Post account API (`GET /me`); without it the profile comes from the ID token only. */
  @property() api = '';

  /** OpenID Connect scopes to request. */
  @property() scope = 'openid profile email';

  /**
   * The account API's scopes to request, with the API as the token's audience (RFC 8707), when `api` is set. A Post
   * site asks for all; a partner site asks for `account.read addresses.read`, which is all a partner can get, after the
   * customer's consent at the provider.
   */
  @property({ attribute: 'api-scope' }) apiScope = 'account.read addresses.read addresses.write account.link';

  /** `redirect` (default) leaves the page for the provider; `popup` signs in in a separate window. */
  @property() flow: SignInFlow = 'redirect';

  /**
   * Overrides for any visible or assistive string (keys of the exported `Messages` type);
   * `text-*` attributes work too.
   */
  @property({ attribute: false }) texts: Partial<Messages> = {};

  /**
   * Shows a fixed state instead of the live session, for design reviews and documentation (Storybook). It only
   * changes what is painted: it signs nobody in and gives no token. Never set it on a live page.
   */
  @property({ attribute: false }) preview: Partial<PostLoginView> | null = null;
}
