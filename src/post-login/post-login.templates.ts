import { html, nothing } from 'lit';
import type { ErrorCode } from '../core/errors.js';
import type { LoginStatus, Profile, SignInMethod } from '../core/page-login.js';
import type { PopoverController } from '../core/popover.js';
import type { Messages } from '../i18n/en.js';
import { helpContent } from './post-login.help.js';

type MessageKey = keyof Messages;
type Translate = (key: MessageKey, values?: Record<string, string>) => string;

/** Everything the element shows. It comes from the live session, or from `preview` in design reviews. */
export interface PostLoginView {
  status: LoginStatus;
  profile: Profile | null;
  error: ErrorCode | null;
  notice: 'sessionExpired' | 'signedOutElsewhere' | 'signedOutHereOnly' | null;
  accountUnavailable: boolean;
  /** This page is the popup's landing page and has handed the response to its opener. */
  popupRelayed: boolean;
  /** Logout has started; the browser is about to leave for the provider. */
  signingOut: boolean;
  /** The mask also offers the older Post customer login. */
  legacyLogin: boolean;
  /** The method used last on this device, marked in the mask. */
  lastMethod: SignInMethod | null;
}

export const ERROR_MESSAGES: Record<ErrorCode, MessageKey> = {
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

/** What the templates need of the element besides the view. */
export interface PostLoginParts {
  t: Translate;
  /** The language chunk is there (before it, only the first-paint words are). */
  messagesLoaded: boolean;
  flow: 'redirect' | 'popup';
  help: PopoverController;
  userMenu: PopoverController;
  onSignIn(method: SignInMethod): void;
  onRetry(): void;
  onRetryAccount(): void;
  onSignOut(): void;
}

function renderMessage(view: PostLoginView, parts: PostLoginParts) {
  // Said once the language chunk is there, so that the alert region gets the whole message at once.
  if (!parts.messagesLoaded) return nothing;
  const { t } = parts;
  const { error, notice } = view;
  if (error) {
    const retry = error !== 'config_invalid';
    return html`<p>${t(ERROR_MESSAGES[error])}</p>
      ${WITH_CONTACT_HINT.has(error) ? html`<p class="hint">${t('errorContactHint')}</p>` : nothing}
      ${retry ? html`<button class="secondary" part="retry-button" @click=${parts.onRetry}>${t('retry')}</button>` : nothing}`;
  }
  return notice ? html`<p>${t(notice)}</p>` : nothing;
}

// Live regions stay in the page and must be :empty when they say nothing: no white space around their content.
function renderProgress(view: PostLoginView, parts: PostLoginParts) {
  if (view.status === 'signing-in') return parts.t(parts.flow === 'popup' ? 'popupPending' : 'signingIn');
  return view.signingOut ? parts.t('signingOut') : nothing;
}

function renderLastUsed(view: PostLoginView, method: SignInMethod, t: Translate) {
  return view.legacyLogin && view.lastMethod === method
    ? html`<span class="last-used" part="last-used">${t('lastUsed')}</span>`
    : nothing;
}

export function renderMask(view: PostLoginView, parts: PostLoginParts) {
  const { t, help } = parts;
  const busy = view.status === 'signing-in' || view.signingOut;
  const disabled = busy || view.error === 'config_invalid' ? 'true' : 'false';
  return html`
    <div class="mask" part="mask" role="group" aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}>
      <div class="heading">
        <p class="title" id="title" part="title">${t('maskTitle')}</p>
        <button
          class="icon-button help-button"
          part="help-button"
          aria-expanded=${help.open ? 'true' : 'false'}
          aria-controls="help"
          aria-label=${t('helpButton')}
          @click=${() => help.toggle()}
        >
          ?
        </button>
      </div>
      <p class="intro" part="intro">${t('maskIntro')}</p>
      <div class="alert" part="message" role="alert">${renderMessage(view, parts)}</div>
      <p class="status" part="status" role="status">${renderProgress(view, parts)}</p>
      <button class="primary sign-in" part="sign-in-button" aria-disabled=${disabled} @click=${() => parts.onSignIn('swissid')}>
        ${t('signInSwissid')}${renderLastUsed(view, 'swissid', t)}
      </button>
      ${view.legacyLogin
        ? html`<div class="legacy">
            <p class="legacy-hint" id="legacy-hint">${t('legacyLoginHint')}</p>
            <button
              class="secondary legacy-sign-in"
              part="legacy-sign-in-button"
              aria-describedby="legacy-hint"
              aria-disabled=${disabled}
              @click=${() => parts.onSignIn('post')}
            >
              ${t('signInLegacy')}${renderLastUsed(view, 'post', t)}
            </button>
          </div>`
        : nothing}
      <div
        id="help"
        class="popover"
        part="help"
        role="dialog"
        aria-labelledby="help-title"
        aria-busy=${help.open && !parts.messagesLoaded ? 'true' : 'false'}
        tabindex="-1"
        ?hidden=${!help.open}
      >
        <div class="popover-heading">
          <p class="popover-title" id="help-title">${t('helpTitle')}</p>
          <button class="icon-button" aria-label=${t('closeHelp')} @click=${() => help.hide(true)}>×</button>
        </div>
        ${help.open ? renderHelpContent(parts) : nothing}
      </div>
    </div>
  `;
}

/** The help text comes with the language chunk; on a slow line the open popover says it is on its way. */
function renderHelpContent({ t, messagesLoaded }: PostLoginParts) {
  return messagesLoaded ? helpContent(t) : html`<p>${t('helpLoading')}</p>`;
}

export function renderSignedIn(view: PostLoginView, profile: Profile, parts: PostLoginParts) {
  const { t, userMenu } = parts;
  const accountType =
    profile.accountType === 'business' ? t('accountBusiness') : profile.accountType === 'private' ? t('accountPrivate') : null;
  const role = profile.role === 'superadmin' ? t('roleSuperadmin') : profile.role === 'user' ? t('roleUser') : null;
  return html`
    <div class="account">
      <button
        class="user-button"
        part="user-button"
        aria-expanded=${userMenu.open ? 'true' : 'false'}
        aria-controls="user-menu"
        @click=${() => userMenu.toggle()}
      >
        <svg class="avatar" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="8" r="4" />
          <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z" />
        </svg>
        <span class="visually-hidden">${t('userMenuOf')}</span>
        <span class="name">${profile.name}</span>
      </button>
    </div>
    <div
      id="user-menu"
      class="popover user-menu"
      part="user-menu"
      role="dialog"
      aria-label=${`${t('userMenuOf')} ${profile.name}`}
      tabindex="-1"
      ?hidden=${!userMenu.open}
    >
      <dl>
        <dt class="name">${profile.name}</dt>
        <dd class="email">${profile.email}</dd>
        ${accountType
          ? html`<dd class="account-type">${[accountType, profile.company, role].filter(Boolean).join(' · ')}</dd>`
          : nothing}
        <dd class="login">${t(profile.login === 'post' ? 'signedInWithLegacy' : 'signedInWith')}</dd>
      </dl>
      ${view.accountUnavailable
        ? html`<div class="alert" role="alert">
            <p>${t('errorAccount')}</p>
            <button class="secondary" part="retry-button" @click=${parts.onRetryAccount}>${t('retry')}</button>
          </div>`
        : nothing}
      <button class="secondary sign-out" part="sign-out-button" @click=${parts.onSignOut}>${t('signOut')}</button>
    </div>
  `;
}
