import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { authConfig } from '../core/auth-config.js';
import { takeProofResponse } from '../core/callback-url.js';
import { diagnosticOf } from '../core/diagnostics.js';
import { PostLoginError, isPostLoginError } from '../core/errors.js';
import { HttpError } from '../core/http.js';
import { LocaleController } from '../core/locale.js';
import { LoginWatcher } from '../core/login-watcher.js';
import { openPopupWindow } from '../core/popup-window.js';
import { signedInProfile, type PageLogin } from '../core/page-login.js';
import { linkBannerDictionaries } from '../i18n/link-banner.js';
import type { LinkBannerMessages } from '../i18n/link-banner.en.js';
import {
  SwissIdLinkBannerDismissedEvent,
  SwissIdLinkBannerErrorEvent,
  SwissIdLinkBannerLinkedEvent,
  SwissIdLinkBannerShownEvent,
  SwissIdLinkBannerStartedEvent,
  type LinkErrorCode,
} from './swissid-link-banner.events.js';
import { loadLinkStatus, linkToSwissId, requestLinkChallenge, type LinkedAccount, type LinkStatus } from './link-api.js';
import { styles } from './swissid-link-banner.styles.js';
import { completeSwissIdProof, startSwissIdProof, type SwissIdProof } from './swissid-proof.js';

type MessageKey = keyof LinkBannerMessages;

export type LinkStep = 'hidden' | 'offer' | 'signing-in' | 'confirm' | 'linking' | 'done' | 'error';

/** Everything the banner shows. It comes from the linking in progress, or from `preview` in design reviews. */
export interface SwissIdLinkBannerView {
  step: LinkStep;
  invited: boolean;
  accounts: LinkedAccount[];
  swissidEmail: string;
  error: LinkErrorCode | null;
}

const ERROR_MESSAGES: Record<LinkErrorCode, MessageKey> = {
  cancelled: 'errorCancelled',
  already_linked: 'errorAlreadyLinked',
  session_expired: 'errorExpired',
  unreachable: 'errorUnreachable',
  proof_invalid: 'errorProof',
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Requests to the account API authorized by the page's login (its bound token and a proof per request). */
const authorizedBy = (login: PageLogin) => (method: string, url: string) => login.getAuthorization(method, url);
/**
 * "Later" outlives the session (it is meant for the next sign-ins), so it is kept under a hash of the login's subject,
 * never the subject itself: what stays on the device after a logout names nobody.
 */
async function laterKey(sub: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`swissid-link-banner:${sub}`)));
  return `swissid-link-banner:later:${Array.from(hash.slice(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

function errorCode(error: unknown): LinkErrorCode {
  if (isPostLoginError(error)) {
    if (['cancelled', 'popup_closed', 'popup_timeout', 'popup_blocked'].includes(error.code)) return 'cancelled';
    if (error.code === 'signed_out' || error.code === 'renewal_failed') return 'session_expired';
    if (error.code === 'id_token_invalid' || error.code === 'response_invalid') return 'proof_invalid';
    return 'unreachable';
  }
  if (error instanceof HttpError) {
    if (error.code === 'already_linked') return 'already_linked';
    if (error.failure === 'unauthorized') return 'session_expired';
    if (error.code === 'invalid_id_token') return 'proof_invalid';
  }
  return 'unreachable';
}

/**
 * Invites a customer signed in with the older Post customer login to link it to SwissID, explains what linking does
 * and does not do, walks the steps (sign in to SwissID, confirm the accounts, done) and remembers "Later" per login.
 * It uses the session of the page's `<post-login>` (the one named by `for`, else the first on the page).
 *
 * @tag swissid-link-banner
 * @summary Linking an older Post customer login to SwissID.
 *
 * @fires swissid-link-banner-shown - The banner appeared; `invited` says whether the customer was invited by e-mail.
 * @fires swissid-link-banner-started - The customer started linking.
 * @fires swissid-link-banner-linked - The login is linked; `accounts` is the number of accounts now on the SwissID.
 * @fires swissid-link-banner-dismissed - "Later": hidden for this account until `until`.
 * @fires swissid-link-banner-error - Linking failed and nothing was linked; `code` says why, `diagnostic` says more
 *   for developers (which check or which answer of the API failed; never a token).
 *
 * @csspart banner - The banner.
 * @csspart title - Its title.
 * @csspart start-button - "Link to SwissID".
 * @csspart later-button - "Later".
 * @csspart confirm-button - "Link these accounts".
 * @csspart cancel-button - "Cancel" in the confirmation.
 * @csspart retry-button - "Try again" after a failure.
 * @csspart accounts - The list of accounts to be linked.
 * @csspart message - Errors (an alert region).
 * @csspart status - Progress (a status region).
 *
 * @cssprop [--post-color-primary=#fc0] - Accent border and main action.
 * @cssprop [--post-color-surface=#f4f3f1] - Banner background.
 */
export class SwissIdLinkBanner extends LitElement {
  static override styles = styles;

  /** The id of the `<post-login>` whose session to use; the first `<post-login>` on the page when empty. */
  @property() for = '';

  /** How many days "Later" hides the banner for the account. */
  @property({ attribute: 'remind-after-days', type: Number }) remindAfterDays = 7;

  /** `popup` or `redirect` for the SwissID sign-in; the `<post-login>`'s flow when empty. */
  @property() flow: '' | 'popup' | 'redirect' = '';

  /** Overrides for any visible or assistive string (keys of the exported `LinkBannerMessages` type); `text-*` attributes work too. */
  @property({ attribute: false }) texts: Partial<LinkBannerMessages> = {};

  /** Shows a fixed state for design reviews (Storybook); its buttons do nothing. Never set it on a live page. */
  @property({ attribute: false }) preview: Partial<SwissIdLinkBannerView> | null = null;

  private readonly locale = new LocaleController<LinkBannerMessages>(this, linkBannerDictionaries);
  private readonly watcher = new LoginWatcher(this, () => void this.refresh());
  private state: SwissIdLinkBannerView = { step: 'hidden', invited: false, accounts: [], swissidEmail: '', error: null };
  /** The SwissID proof between the sign-in and the confirmation; in memory only. */
  private proof: SwissIdProof | null = null;
  /** Move focus to the step's heading after a change the customer caused. */
  private focusStep = false;
  /** Where "Later" is kept for the login the banner was offered to (laterKey). */
  private laterStorageKey = '';
  /** The status check under way: a newer one aborts it, so that only the newest may change the banner. */
  private checking: AbortController | null = null;

  private get login() {
    return this.watcher.login;
  }

  private set(changes: Partial<SwissIdLinkBannerView>, focus = false): void {
    this.state = { ...this.state, ...changes };
    this.focusStep = focus;
    this.requestUpdate();
  }

  /** Shows the banner when the signed-in older login is not linked and "Later" has run out. */
  private async refresh({ ignoreLater = false } = {}): Promise<void> {
    this.checking?.abort();
    const checking = (this.checking = new AbortController());
    const login = this.login;
    const profile = signedInProfile(login);
    if (!login || !profile || profile.login !== 'post' || !login.api) {
      this.proof = null;
      this.set({ step: 'hidden' });
      return;
    }
    const linkResponse = takeProofResponse();
    if (linkResponse) {
      // Back from SwissID (redirect): the proof comes from the response, the accounts to confirm from the link status.
      // Either failing is a failure of this step, said in the banner: the response has left the address bar.
      const api = login.api;
      await this.receiveProof(async () => {
        const [proof, status] = await Promise.all([
          completeSwissIdProof(this.swissIdConfig()!, linkResponse),
          this.linkStatus(login, api),
        ]);
        this.state = { ...this.state, accounts: status.accounts };
        return proof;
      });
      return;
    }
    if (this.state.step !== 'hidden') return;
    const key = await laterKey(profile.sub);
    if (checking.signal.aborted) return;
    this.laterStorageKey = key;
    if (!ignoreLater && Number(localStorage.getItem(key) ?? 0) > Date.now()) return;
    try {
      const status = await this.linkStatus(login, login.api, checking.signal);
      if (checking.signal.aborted || status.linked || this.state.step !== 'hidden') return;
      this.set({ step: 'offer', invited: status.invited, accounts: status.accounts }, ignoreLater);
      this.dispatchEvent(new SwissIdLinkBannerShownEvent(status.invited));
    } catch {
      // Without the status there is nothing to offer; the next sign-in asks again.
    }
  }

  /** The link status of the signed-in older login, asked with its current access token. */
  private async linkStatus(login: PageLogin, api: string, signal?: AbortSignal): Promise<LinkStatus> {
    return loadLinkStatus(api, authorizedBy(login), signal);
  }

  private swissIdConfig() {
    return this.login ? authConfig(this.login, 'swissid') : null;
  }

  private fail(error: unknown): void {
    const code = errorCode(error);
    this.proof = null;
    this.set({ step: 'error', error: code }, true);
    this.dispatchEvent(new SwissIdLinkBannerErrorEvent(code, diagnosticOf(error, code)));
  }

  private async receiveProof(prove: () => Promise<SwissIdProof | null>): Promise<void> {
    this.set({ step: 'signing-in', error: null }, true);
    try {
      const proof = await prove();
      if (!proof) return; // the page is leaving for SwissID
      this.proof = proof;
      this.set({ step: 'confirm', swissidEmail: proof.email }, true);
    } catch (error) {
      this.fail(error);
    }
  }

  private onStart(): void {
    if (this.preview) return;
    const config = this.swissIdConfig();
    const flow = this.flow || this.login?.flow || 'redirect';
    // Opened inside the click, before anything is awaited, so that the popup blocker sees the gesture.
    const popup = flow === 'popup' ? openPopupWindow() : null;
    this.dispatchEvent(new SwissIdLinkBannerStartedEvent());
    if (!config) {
      this.fail(new PostLoginError('config_invalid'));
      return;
    }
    if (flow === 'popup' && !popup) {
      this.fail(new PostLoginError('popup_blocked'));
      return;
    }
    const login = this.login;
    void this.receiveProof(async () => {
      try {
        if (!login?.api) throw new PostLoginError('signed_out');
        const challenge = await requestLinkChallenge(login.api, authorizedBy(login));
        return await startSwissIdProof(config, { uiLocales: this.locale.language, popup, challenge });
      } catch (error) {
        popup?.close();
        throw error;
      }
    });
  }

  private async onConfirm(): Promise<void> {
    const login = this.login;
    const proof = this.proof;
    if (this.preview || !login?.api || !proof || this.state.step === 'linking') return;
    const api = login.api;
    this.set({ step: 'linking' });
    // A late answer must not change a banner that has moved on (signed out meanwhile, hidden, another SwissID).
    const stillLinking = () => this.proof === proof && this.state.step === 'linking';
    try {
      const status = await linkToSwissId(api, authorizedBy(login), proof.idToken);
      if (stillLinking()) this.linked(status);
    } catch (error) {
      // An answer lost on the way (the API may have linked before it): the link status tells whether the login is
      // linked now, so the banner does not say "nothing was linked" when it was. An answer the API did give (such as
      // 409 "already linked", perhaps to another SwissID) is said as it is.
      const lost = error instanceof HttpError && ['network', 'timeout', 'malformed', 'server'].includes(error.failure);
      const status = lost ? await this.linkStatus(login, api).catch(() => null) : null;
      if (!stillLinking()) return;
      if (status?.linked) this.linked(status);
      else this.fail(error);
    }
  }

  /** Linked: the banner lists every account now under the SwissID (this login's, and those linked to it before). */
  private linked(status: LinkStatus): void {
    this.proof = null;
    const accounts = status.swissidAccounts.length ? status.swissidAccounts : status.accounts;
    this.set({ step: 'done', accounts }, true);
    this.dispatchEvent(new SwissIdLinkBannerLinkedEvent(accounts.length));
  }

  private renderAccounts(view: SwissIdLinkBannerView, t: (key: MessageKey) => string) {
    return html`<ul part="accounts">
      ${view.accounts.map(
        (account) =>
          html`<li>
            ${t(account.type === 'business' ? 'accountBusiness' : 'accountPrivate')}:
            ${[account.company, account.email].filter(Boolean).join(', ')}
          </li>`,
      )}
    </ul>`;
  }

  /**
   * "Link to SwissID" in the user menu of this banner's login: the offer comes back whatever "Later" said (the source
   * text's way from "My profile"), and the login hears that the banner took it.
   */
  private readonly onLinkRequest = (event: Event) => {
    const login = this.login;
    if (this.preview || !login || event.composedPath()[0] !== login) return;
    event.preventDefault();
    if (this.state.step === 'hidden') void this.refresh({ ignoreLater: true });
    else this.set({}, true);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('post-login-link-request', this.onLinkRequest);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('post-login-link-request', this.onLinkRequest);
  }

  private onCancel(): void {
    // While the API links, cancelling would only hide a linking that goes through anyway.
    if (this.preview || this.state.step === 'linking') return;
    this.proof = null;
    this.set({ step: 'offer' }, true);
  }

  private onLater(): void {
    if (this.preview || !this.laterStorageKey) return;
    const until = new Date(Date.now() + this.remindAfterDays * DAY_MS);
    localStorage.setItem(this.laterStorageKey, String(until.getTime()));
    this.set({ step: 'hidden' });
    this.dispatchEvent(new SwissIdLinkBannerDismissedEvent(until));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusStep) {
      this.focusStep = false;
      this.renderRoot.querySelector<HTMLElement>('[data-step-heading]')?.focus();
    }
  }

  private view(): SwissIdLinkBannerView {
    return this.preview ? { ...this.state, ...this.preview } : this.state;
  }

  protected override render() {
    const view = this.view();
    if (view.step === 'hidden' || !this.locale.messages) return nothing;
    const t = (key: MessageKey, values?: Record<string, string>) => this.locale.t(key, values);
    return html`
      <section class="banner" part="banner" aria-labelledby="title">
        <h2 id="title" part="title">${t('title')}</h2>
        ${this.renderStep(view, t)}
        <div class="alert" part="message" role="alert">${this.renderError(view, t)}</div>
        <p class="status" part="status" role="status">${this.renderProgress(view, t)}</p>
        ${view.step === 'error' && view.error !== 'session_expired' && view.error !== 'already_linked'
          ? html`<div class="actions">
              <button class="primary" part="retry-button" @click=${this.onStart}>${t('retry')}</button>
            </div>`
          : nothing}
        ${view.step === 'offer' || view.step === 'error' ? html`<p class="contact">${t('contact')}</p>` : nothing}
      </section>
    `;
  }

  // The live regions stay in the page (so that changes are announced) and must be :empty when they say nothing:
  // their content goes in without white space around it.
  private renderError(view: SwissIdLinkBannerView, t: (key: MessageKey) => string) {
    return view.step === 'error' && view.error
      ? html`<p data-step-heading tabindex="-1">${t(ERROR_MESSAGES[view.error])}</p>`
      : nothing;
  }

  private renderProgress(view: SwissIdLinkBannerView, t: (key: MessageKey, values?: Record<string, string>) => string) {
    if (view.step === 'linking') return t('linking');
    return view.step === 'done' ? t('doneText', { email: view.swissidEmail }) : nothing;
  }

  private renderStep(view: SwissIdLinkBannerView, t: (key: MessageKey, values?: Record<string, string>) => string) {
    const heading = (step: number, key: MessageKey) => html`
      <p class="step">${t('step', { step: String(step) })}</p>
      <h3 data-step-heading tabindex="-1">${t(key)}</h3>
    `;
    switch (view.step) {
      case 'offer':
        return html`
          <p data-step-heading tabindex="-1">${t(view.invited ? 'invitedText' : 'availableText')}</p>
          <h3>${t('whatTitle')}</h3>
          <ul>
            <li>${t('whatAllAccounts')}</li>
            <li>${t('whatDataUnchanged')}</li>
            <li>${t('whatEmailKept')}</li>
          </ul>
          <p>${t('whatAfter')}</p>
          <div class="actions">
            <button class="primary" part="start-button" @click=${this.onStart}>${t('start')}</button>
            <button class="secondary" part="later-button" @click=${this.onLater}>${t('later')}</button>
          </div>
        `;
      case 'signing-in':
        return html`${heading(1, 'stepSwissid')}
          <p>${t('stepSwissidText')}</p>`;
      case 'confirm':
      case 'linking':
        return html`${heading(2, 'stepConfirm')}
          <p>${t('confirmText', { email: view.swissidEmail })}</p>
          ${this.renderAccounts(view, t)}
          <div class="actions">
            <button
              class="primary"
              part="confirm-button"
              aria-disabled=${view.step === 'linking' ? 'true' : 'false'}
              @click=${this.onConfirm}
            >
              ${t('confirm')}
            </button>
            <button
              class="secondary"
              part="cancel-button"
              aria-disabled=${view.step === 'linking' ? 'true' : 'false'}
              @click=${this.onCancel}
            >
              ${t('cancel')}
            </button>
          </div>`;
      case 'done':
        return html`${heading(3, 'stepDone')}
          <p>${t('doneAccounts', { email: view.swissidEmail })}</p>
          ${this.renderAccounts(view, t)}`;
      default:
        return nothing;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'swissid-link-banner': SwissIdLinkBanner;
  }
}
