import { PostLoginError } from './errors.js';
import { POPUP_NAME } from './popup-window.js';

/**
 * The popup sign-in's answer comes back over a BroadcastChannel, which only same-origin pages can use, so no origin
 * check is needed and no token crosses windows (the page in the popup relays the response URL, code and state only).
 * The channel reaches every tab of the origin: each opener takes only the answer to its own request (its `state`).
 */
const POPUP_CHANNEL = 'post-login:callback';
/** How long a popup sign-in may take before the opener gives up on it. */
export const POPUP_TIMEOUT_MS = 5 * 60 * 1000;
const CLOSED_POLL_MS = 250;
/** After the window closes, a response may still be in flight on the channel. */
const CLOSED_GRACE_MS = 750;

interface RelayedResponse {
  url?: unknown;
  /** The response's `state` is not one this origin asked for (tampered, or long expired). */
  unknown?: unknown;
}

/**
 * Resolves with the response URL whose `state` matches; rejects when the window closes or time runs out, and at once
 * (`response_invalid`) when the popup relayed an answer to a request nobody here made and closed itself.
 */
export function waitForPopupResponse(popup: Window, stateId: string, timeoutMs = POPUP_TIMEOUT_MS): Promise<string> {
  return new Promise((resolve, reject) => {
    const channel = new BroadcastChannel(POPUP_CHANNEL);
    let closedSince = 0;
    /** When an answer with an unknown state came: if this popup closes right after, it was the one that sent it. */
    let unknownSince = 0;
    const finish = (outcome: () => void) => {
      channel.close();
      window.clearInterval(poll);
      window.clearTimeout(timeout);
      outcome();
    };
    channel.onmessage = (event: MessageEvent<RelayedResponse>) => {
      const url = typeof event.data?.url === 'string' ? event.data.url : null;
      if (event.data?.unknown === true) unknownSince = Date.now();
      else if (url && new URL(url).searchParams.get('state') === stateId) finish(() => resolve(url));
    };
    const poll = window.setInterval(() => {
      if (!popup.closed) return;
      closedSince ||= Date.now();
      if (unknownSince && closedSince - unknownSince < CLOSED_GRACE_MS + CLOSED_POLL_MS) {
        finish(() => reject(new PostLoginError('response_invalid', 'unknown state in the popup')));
      } else if (Date.now() - closedSince >= CLOSED_GRACE_MS) {
        finish(() => reject(new PostLoginError('popup_closed')));
      }
    }, CLOSED_POLL_MS);
    const timeout = window.setTimeout(() => {
      popup.close();
      finish(() => reject(new PostLoginError('popup_timeout')));
    }, timeoutMs);
  });
}

/** In the popup: hand the response to the window that opened it. `unknown`: no request of this origin matches it. */
export function relayPopupResponse(url: string, { unknown = false } = {}): void {
  const channel = new BroadcastChannel(POPUP_CHANNEL);
  channel.postMessage(unknown ? { url, unknown } : { url });
  channel.close();
}

/** This page is (most likely) a sign-in popup: opened by another window of ours, or still named as we named it. */
export function isSignInPopup(): boolean {
  try {
    return window.name === POPUP_NAME || (window.opener !== null && (window.opener as Window).location.origin === location.origin);
  } catch {
    return window.name === POPUP_NAME; // an opener of another origin
  }
}
