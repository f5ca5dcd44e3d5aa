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
  }

  hostDisconnected(): void {
    window.removeEventListener('storage', this.onStorage);
  }

  get current(): Account | null {
    return actingAccount(this.source.sessionKey(), this.source.profile());
  }

  /** After a sign-in or sign-out: the acting account is the person's (no switch to tell), the menu starts afresh. */
  reset(): void {
    this.known = this.current?.id ?? null;
    this.note = null;
  }

  switchTo(account: Account): void {
    const profile = this.source.profile();
    if (!profile || account.id === this.current?.id) return;
    chooseAccount(this.source.sessionKey(), profile, account);
    this.note = 'accountSwitched';
    this.changed();
  }

  /** "Link to SwissID": the page's link banner takes it; without one, the menu says where linking is done. */
  requestLink(): void {
    const request = new PostLoginLinkRequestEvent();
    this.host.dispatchEvent(request);
    this.note = request.defaultPrevented ? null : 'linkElsewhere';
    this.host.requestUpdate();
  }

  private readonly onStorage = (event: StorageEvent) => {
    if (isAccountChoice(event)) this.changed();
  };

  private changed(): void {
    const account = this.current;
    if (account && account.id !== this.known) {
      this.known = account.id;
      this.host.dispatchEvent(new PostLoginAccountChangeEvent(account));
    }
    this.host.requestUpdate();
  }
}
