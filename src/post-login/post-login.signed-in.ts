import { html, nothing } from 'lit';
import type { Account, Profile } from '../core/page-login.js';
import type { MaskMessages } from '../i18n/en.js';
import type { PostLoginParts, PostLoginView } from './post-login.templates.js';

export { ActingAccountController } from './acting-account.controller.js';

/**
 * `<post-login>`'s signed-in view: who is signed in, the account they act for, the user menu with every account to
 * act for, linking and logout. A chunk of its own, loaded with the language chunk it needs anyway: the first paint of
 * the mask does without it.
 */
type Translate = (key: keyof MaskMessages, values?: Record<string, string>) => string;

/** An account as the customer knows it: private, or the company with their role there. */
function accountLabel(account: Account, t: Translate): string {
  if (account.type === 'private') return t('accountPrivate');
  const role = account.role === 'superadmin' ? t('roleSuperadmin') : account.role === 'user' ? t('roleUser') : null;
  return [account.company ?? t('accountBusiness'), role].filter(Boolean).join(' · ');
}

export function renderSignedIn(view: PostLoginView, profile: Profile, parts: PostLoginParts) {
  const { t, userMenu } = parts;
  const { account } = view;
  const accounts = profile.accounts ?? [];
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
        <span class="who">
          <span class="name">${profile.name}</span>
          ${account ? html`<span class="acting" part="acting-account">${accountLabel(account, t)}</span>` : nothing}
        </span>
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
        ${accounts.length === 1 && account ? html`<dd class="account-type">${accountLabel(account, t)}</dd>` : nothing}
        <dd class="login">${t(profile.login === 'post' ? 'signedInWithLegacy' : 'signedInWith')}</dd>
      </dl>
      ${accounts.length > 1 ? renderAccounts(accounts, account, parts) : nothing}
      ${profile.login === 'post' && !profile.linked
        ? html`<button class="secondary" part="link-button" @click=${parts.onLinkRequest}>${t('linkToSwissid')}</button>`
        : nothing}
      <p class="status" role="status">${view.menuNote === 'accountSwitched' && account
        ? t('accountSwitched', { account: accountLabel(account, t) })
        : view.menuNote === 'linkElsewhere'
          ? t('linkElsewhere')
          : nothing}</p>
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

/** The accounts to act for: one button each, the acting one marked current; each with the e-mail registered for it. */
function renderAccounts(accounts: Account[], current: Account | null, { t, onSwitchAccount }: PostLoginParts) {
  return html`<p class="accounts-title" id="accounts-title">${t('accountsTitle')}</p>
    <ul class="accounts" part="accounts" aria-labelledby="accounts-title">
      ${accounts.map(
        (account) =>
          html`<li>
            <button
              class="account-choice"
              part="account-button"
              aria-current=${account.id === current?.id ? 'true' : 'false'}
              @click=${() => onSwitchAccount(account)}
            >
              <span>${accountLabel(account, t)}</span>
              <span class="account-email">${account.email}</span>
            </button>
          </li>`,
      )}
    </ul>`;
}
