import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { actingAccount, chooseAccount, isAccountChoice } from '../core/acting-account.js';
import type { Account, Profile } from '../core/page-login.js';
import { PostLoginAccountChangeEvent, PostLoginLinkRequestEvent } from './post-login.events.js';

/** What the user menu says besides the accounts: the switch just made, or where linking is done. */
export type MenuNote = 'accountSwitched' | 'linkElsewhere' | null;

export interface ActingAccountSource {
  profile(): Profile | null;
  /** The session key of the profile's login (its choice is kept per login and person). */
  sessionKey(): string;
  /** Reads the person and their accounts again from the account API. */
  reloadAccounts(): void;
  /** The user menu, where the accounts are listed. */
  menu: { readonly open: boolean; hide(returnFocus: boolean): void };
}

/**
 * `<post-login>`'s acting account: which of the person's accounts they act for, switched in the user menu and in the
 * other tabs, with `post-login-account-change` on every switch; and the menu's "Link to SwissID" for an older login
 * that is not linked yet.
 */
export class ActingAccountController implements ReactiveController {
  note: MenuNote = null;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly source: ActingAccountSource;
  /** The account last told to the host, to tell a switch from a repeat. */
  private known: string | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, source: ActingAccountSource) {
    this.host = host;
    this.source = source;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('storage', this.onStorage);
    document.addEventListener('swissid-link-banner-linked', this.onLinked);
  }

  hostDisconnected(): void {
    window.removeEventListener('storage', this.onStorage);
    document.removeEventListener('swissid-link-banner-linked', this.onLinked);
  }

  /** What the menu said about the last switch or link request is not news when it opens again. */
  hostUpdate(): void {
    if (!this.source.menu.open) this.note = null;
  }

  /**
   * A sign-in or sign-out starts the acting account afresh; any other change (the account API read again, another
   * tab) may have changed it, and the host hears that.
   */
  sessionChanged(type: string): void {
    if (type === 'updated') this.refresh();
    else this.reset();
  }

  /** The page's banner linked this older login: no more "Link to SwissID", and the accounts as they are now. */
  private readonly onLinked = () => {
    const profile = this.source.profile();
    if (profile?.login === 'post' && !profile.linked) this.source.reloadAccounts();
  };

  get current(): Account | null {
    return actingAccount(this.source.sessionKey(), this.source.profile());
  }

  /** After a sign-in or sign-out: the acting account is the new person's (no switch to tell), the menu starts afresh. */
  reset(): void {
    this.known = this.current?.id ?? null;
    this.note = null;
  }

  switchTo(account: Account): void {
    const profile = this.source.profile();
    if (!profile || account.id === this.current?.id) return;
    chooseAccount(this.source.sessionKey(), profile, account);
    if (this.current?.id === account.id) this.note = 'accountSwitched';
    this.refresh();
  }

  /** "Link to SwissID": the page's link banner takes it; without one, the menu says where linking is done. */
  requestLink(): void {
    const request = new PostLoginLinkRequestEvent();
    this.host.dispatchEvent(request);
    this.note = request.defaultPrevented ? null : 'linkElsewhere';
    // Taken by the page's banner: the menu closes so that the banner, where the linking goes on, is in view.
    if (request.defaultPrevented) this.source.menu.hide(false);
    this.host.requestUpdate();
  }

  private readonly onStorage = (event: StorageEvent) => {
    if (isAccountChoice(event)) this.refresh();
  };

  /** The choice or the person's accounts may have changed: tells the host when the acting account is another now. */
  refresh(): void {
    const account = this.current;
    if (account && account.id !== this.known) {
      this.known = account.id;
      this.host.dispatchEvent(new PostLoginAccountChangeEvent(account));
    }
    this.host.requestUpdate();
  }
}
