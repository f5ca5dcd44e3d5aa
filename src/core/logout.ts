import { AuthSession, loadOidc } from './auth-session.js';
import { forgetCustomerData } from './customer-data.js';
import { logoutIncomplete, setLogoutIncomplete } from './logout-records.js';
import type { ProviderLogoutRequest } from './oidc/index.js';
import type { StoredSession } from './session-store.js';

/**
 * Logout: ends the customer's logins on this device (here and in the other tabs), then at each login's provider. A
 * provider logout sends the browser to the provider's logout page, which returns it to the post-logout address; with
 * two logins signed in (SwissID and the older Post customer login) the second provider's logout is pending in this
 * tab and follows on the return (logout-records.ts). The words are those of the README's glossary.
 *
 * This module owns all of it: the per-element state the login element renders, the provider logouts, the pending
 * records, the timer that gives up on a provider logout that never leaves, and the back-forward cache.
 */
export type LogoutState = 'idle' | 'signing-out';

export interface LogoutHost {
  /** The customer's language, for the providers' logout pages. */
  language(): string;
  /** The state changed: render it. */
  logoutChanged(): void;
  /** A provider's logout did not happen: the customer is signed out on this device only. */
  logoutIncomplete(): void;
}

/** How long a document sent to a provider's logout counts as departing (see leaveForLogout). */
const DEPARTURE_GRACE_MS = 15_000;

type ProviderLogout = 'leaving' | 'unreachable' | 'not-wanted';

/** The provider logout this document is on its way to: no other may start from it. */
let departure: { session: AuthSession; timer: number } | null = null;
const logouts = new Set<Logout>();
let listeningForReturn = false;
/**
 * The login elements of the page going on with the provider logouts pending on this page load, one after the other.
 * Two elements of the same login find the same pending logouts (kept per provider and client, not per element):
 * the second then finds the first one's departure, instead of leaving for the same provider too and recording it
 * again for the next return.
 */
let resumingHere: Promise<void> = Promise.resolve();

/**
 * Sends the browser to the provider's logout by a posted form: the ID token it carries as hint stays out of the
 * address bar, the history and any Referer.
 */
function postLogout({ action, fields }: ProviderLogoutRequest): void {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = action;
  form.hidden = true;
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
  form.remove();
}

function stopDeparture(): void {
  if (departure) window.clearTimeout(departure.timer);
  departure = null;
}

function listenForReturn(): void {
  if (listeningForReturn) return;
  listeningForReturn = true;
  // Back on this document from the back-forward cache (say, "back" from the provider's logout page): that provider
  // logout is over, and the page is usable again.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    stopDeparture();
    logouts.forEach((logout) => logout.returnedFromCache());
  });
}

/**
 * Leaves for this login's provider logout; the logins in `followedBy` are recorded as pending and follow on the
 * return. This login and those are recorded for a fresh sign-in first: should a provider's logout not happen after
 * all (unreachable, called off, a tab closed on the way), the next sign-in asks for the password instead of taking the
 * session the provider kept.
 */
async function leaveForLogout(
  session: AuthSession,
  ended: StoredSession | null,
  language: string,
  { followedBy = [] as AuthSession[], incomplete = false, wanted = () => true, after = Promise.resolve() },
): Promise<ProviderLogout> {
  const idTokenHint = ended?.tokens.idToken || session.records.logoutHint;
  // `after`: what must be done here before the browser leaves (revocations, the key forgotten), asked side by side.
  const [logoutRequest] = await Promise.all([
    loadOidc()
      .then((oidc) => oidc.endSession(session.config, { uiLocales: language, idTokenHint }))
      .catch(() => null),
    after,
  ]);
  if (!logoutRequest) {
    session.records.clearLogoutPending();
    session.store.requireFreshSignIn();
    return 'unreachable';
  }
  if (!wanted()) return 'not-wanted';
  session.store.requireFreshSignIn();
  // Recorded only now, with the departure certain: a page that stays must not find provider logouts pending.
  for (const next of followedBy) {
    next.records.markLogoutPending();
    next.store.requireFreshSignIn();
  }
  setLogoutIncomplete(incomplete);
  if (departure) {
    // Another element's logout is already taking this document away: this one follows on the return (unless it is the
    // very login that departure is for, which a second handling of the same return may find still pending).
    if (departure.session !== session) session.records.markLogoutPending();
    return 'leaving';
  }
  session.records.clearLogoutPending();
  // A host's "leave this page?" answered with "stay", or a provider that does not answer, keeps this document: after a
  // while a logout may start again (the pending ones follow on the next page load), and the page says so.
  const timer = window.setTimeout(() => {
    stopDeparture();
    logouts.forEach((logout) => logout.stalled(session));
  }, DEPARTURE_GRACE_MS);
  departure = { session, timer };
  postLogout(logoutRequest);
  return 'leaving';
}

/**
 * Goes on with a logout that ended several logins, one provider logout at a time: first `next` (logins just ended on
 * this page whose first provider could not be reached: `failedAlready`), else the provider logouts pending in this tab
 * on the return. `leaving`: the browser is on its way to a provider; `failed`: some provider of this logout could not
 * be reached; `none`: nothing was pending, or it is not wanted any more.
 */
async function endPendingLogouts(
  sessions: AuthSession[],
  language: string,
  { next = [] as AuthSession[], failedAlready = false, callbackPage = false },
): Promise<'leaving' | 'failed' | 'none'> {
  if (departure) return 'leaving'; // another element's logout is taking this document away: it takes these along
  const pending = [...next, ...sessions.filter((session) => session.records.logoutPending && !next.includes(session))];
  // Stale records (from a logout interrupted long ago) are dropped; pending ones stay until their departure is
  // certain, so that a reload meanwhile still finds them.
  sessions.filter((session) => !pending.includes(session)).forEach((session) => session.records.clearLogoutPending());
  let failed = failedAlready || logoutIncomplete();
  // Not wanted any more on the page of a sign-in, or with someone signed in meanwhile (checked after every wait).
  const wanted = () => !callbackPage && !sessions.some((session) => session.status === 'signed-in' || session.status === 'signing-in');
  for (const [index, session] of pending.entries()) {
    const outcome = wanted()
      ? await leaveForLogout(session, null, language, { followedBy: pending.slice(index + 1), incomplete: failed, wanted })
      : 'not-wanted';
    if (outcome === 'leaving') return 'leaving';
    if (outcome === 'not-wanted') {
      pending.slice(index).forEach((rest) => rest.records.clearLogoutPending());
      break;
    }
    failed = true;
  }
  setLogoutIncomplete(false); // said now (or not wanted any more): it must not outlive this logout
  return failed && wanted() ? 'failed' : 'none';
}

/**
 * Ends a session here for good: revokes its refresh token, forgets this browser's key for its client (what was bound
 * to it is useless from now on), and keeps its ID token as the hint for its provider's logout, which follows.
 */
function endHere(session: AuthSession): { ended: StoredSession | null; done: Promise<void> } {
  const ended = session.end();
  if (ended?.tokens.idToken) session.records.keepLogoutHint(ended.tokens.idToken);
  const done = loadOidc()
    .then(async (oidc) => {
      await oidc.revokeRefreshToken(session.config, ended);
      await oidc.forgetDpopKey(session.config.clientId);
    })
    .catch(() => undefined);
  return { ended, done };
}

/** The logout of one login element, over the sessions of its login methods. One logout at a time. */
export class Logout {
  state: LogoutState = 'idle';
  private readonly sessions: AuthSession[];
  private readonly active: () => AuthSession | null;
  private readonly host: LogoutHost;
  private running: Promise<void> | null = null;
  /** The handling of the return from a provider logout; a logout asked for meanwhile runs after it. */
  private returning: Promise<void> = Promise.resolve();

  constructor(sessions: AuthSession[], active: () => AuthSession | null, host: LogoutHost) {
    this.sessions = sessions;
    this.active = active;
    this.host = host;
    logouts.add(this);
    listenForReturn();
  }

  dispose(): void {
    logouts.delete(this);
  }

  /** Signs out here, in the other tabs and at the providers; a second call joins the running logout. */
  signOut(): Promise<void> {
    if (!this.running) {
      this.set('signing-out');
      this.running = this.returning
        .then(() => this.endAll())
        .catch((error: unknown) => {
          this.set('idle');
          throw error;
        })
        .finally(() => (this.running = null));
    }
    return this.running;
  }

  /** On page load: the provider logouts still pending from a logout before it (`callbackPage`: a sign-in's page). */
  resume(callbackPage: boolean): void {
    if (this.running) return;
    this.returning = resumingHere = resumingHere.then(() => this.continue({ callbackPage })).catch(() => undefined);
  }

  /**
   * Signed in with both methods (say, SwissID after linking the older login), the other login ends here too, so that
   * a logout leaves nobody signed in on this device. Each ends at once; the revocations and the first provider logout
   * run side by side, and the other provider's logout follows on the return.
   */
  private async endAll(): Promise<void> {
    this.set('signing-out'); // again: the return handled before this logout may have ended its own
    const active = this.active();
    const others = this.sessions.filter((session) => session !== active && session.status === 'signed-in');
    const endingOthers = others.map(endHere);
    const endingActive = active ? endHere(active) : null;
    // What was kept for the customer goes with the last login on the page (another service's login may stay).
    if (!AuthSession.anyoneSignedIn()) forgetCustomerData();
    const endedHere = Promise.all([endingActive?.done, ...endingOthers.map((ending) => ending.done)]).then(() => undefined);
    // The first provider's logout leaves once every login here has ended (and its key is gone).
    const left =
      active && endingActive
        ? await leaveForLogout(active, endingActive.ended, this.host.language(), { followedBy: others, after: endedHere }).then(
            (outcome) => outcome === 'leaving',
            () => false,
          )
        : await endedHere.then(() => false);
    if (left) return;
    // The first provider could not be reached: on with the next one from here.
    await this.continue({ next: others, failedAlready: Boolean(active) });
  }

  private async continue(options: { next?: AuthSession[]; failedAlready?: boolean; callbackPage?: boolean }): Promise<void> {
    if (this.sessions.some((session) => session.records.logoutPending)) this.set('signing-out'); // on to the next provider
    const outcome = await endPendingLogouts(this.sessions, this.host.language(), options);
    if (outcome === 'leaving') return;
    this.set('idle');
    if (outcome === 'failed') this.host.logoutIncomplete();
  }

  /** Still here a while after leaving for `session`'s provider logout: that logout did not happen. */
  stalled(session: AuthSession): void {
    if (!this.sessions.includes(session)) return;
    this.set('idle');
    this.host.logoutIncomplete();
  }

  returnedFromCache(): void {
    if (this.state === 'signing-out') this.set('idle');
  }

  private set(state: LogoutState): void {
    this.state = state;
    this.host.logoutChanged();
  }
}
