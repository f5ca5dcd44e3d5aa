import { html, nothing, type TemplateResult } from 'lit';
import type { ErrorCode } from '../core/errors.js';
import type { Account, LoginStatus, Profile, SignInMethod } from '../core/page-login.js';
import type { PopoverController } from '../core/popover.js';
import type { MaskMessages } from '../i18n/en.js';
import type { ErrorDescription } from './post-login.errors.js';

type MessageKey = keyof MaskMessages;
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
  /** The login whose sign-in failed: its errors are worded as that login's (SwissID, or the older Post login). */
  failedMethod: SignInMethod | null;
  /** The account the customer acts for (one of `profile.accounts`). */
  account: Account | null;
  /** What the user menu says besides the accounts. */
  menuNote: 'accountSwitched' | 'linkElsewhere' | null;
}



/** What the templates need of the element besides the view. */
export interface PostLoginParts {
  t: Translate;
  /** The language chunk is there (before it, only the first-paint words are). */
  messagesLoaded: boolean;
  /** The help's content, once its texts and its template (chunks of their own) are there. */
  helpContent: TemplateResult | null;
  /** What the customer is told about an error, once the error messages are there. */
  describeError: ((code: ErrorCode, method: SignInMethod | null) => ErrorDescription) | null;
  flow: 'redirect' | 'popup';
  help: PopoverController;
  userMenu: PopoverController;
  onSignIn(method: SignInMethod): void;
  onRetry(): void;
  onRetryAccount(): void;
  onSignOut(): void;
  onSwitchAccount(account: Account): void;
  onLinkRequest(): void;
}

function renderMessage(view: PostLoginView, parts: PostLoginParts) {
  // Said once the language chunk is there, so that the alert region gets the whole message at once.
  if (!parts.messagesLoaded) return nothing;
  const { t } = parts;
  const { error, notice } = view;
  if (error) {
    if (!parts.describeError) return nothing;
    const { message, hint } = parts.describeError(error, view.failedMethod);
    const retry = error !== 'config_invalid';
    return html`<p>${message}</p>
      ${hint ? html`<p class="hint">${hint}</p>` : nothing}
      ${retry ? html`<button class="secondary" part="retry-button" @click=${parts.onRetry}>${t('retry')}</button>` : nothing}`;
  }
  return notice ? html`<p>${t(notice)}</p>` : nothing;
}

// Live regions stay in the page and must be :empty when they say nothing: no white space around their content.
function renderProgress(view: PostLoginView, parts: PostLoginParts) {
  if (view.status === 'signing-in') {
    if (parts.flow !== 'popup') return parts.t('signingIn');
    return parts.t(view.failedMethod === 'post' ? 'popupPendingLegacy' : 'popupPending');
  }
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
        aria-busy=${help.open && !parts.helpContent ? 'true' : 'false'}
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

/** The help text comes in its own chunk; on a slow line the open popover says it is on its way. */
function renderHelpContent({ t, helpContent }: PostLoginParts) {
  return helpContent ?? html`<p>${t('helpLoading')}</p>`;
}
