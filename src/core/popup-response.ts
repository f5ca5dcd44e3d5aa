import { PostLoginError } from './errors.js';

/**
 * The popup sign-in's answer comes back over a BroadcastChannel, which only same-origin pages can use, so no origin
 * check is needed and no token crosses windows (the page in the popup relays the response URL, code and state only).
 */
const POPUP_CHANNEL = 'post-login:callback';
/** How long a popup sign-in may take before the opener gives up on it. */
export const POPUP_TIMEOUT_MS = 5 * 60 * 1000;
const CLOSED_POLL_MS = 250;
/** After the window closes, a response may still be in flight on the channel. */
const CLOSED_GRACE_MS = 750;

/** Resolves with the response URL whose `state` matches; rejects when the window closes or time runs out. */
export function waitForPopupResponse(popup: Window, stateId: string, timeoutMs = POPUP_TIMEOUT_MS): Promise<string> {
  return new Promise((resolve, reject) => {
    const channel = new BroadcastChannel(POPUP_CHANNEL);
    let closedSince = 0;
    const finish = (outcome: () => void) => {
      channel.close();
      window.clearInterval(poll);
      window.clearTimeout(timeout);
      outcome();
    };
    channel.onmessage = (event: MessageEvent<{ url?: unknown }>) => {
      const url = typeof event.data?.url === 'string' ? event.data.url : null;
      if (url && new URL(url).searchParams.get('state') === stateId) finish(() => resolve(url));
    };
    const poll = window.setInterval(() => {
      if (!popup.closed) return;
      closedSince ||= Date.now();
      if (Date.now() - closedSince >= CLOSED_GRACE_MS) finish(() => reject(new PostLoginError('popup_closed')));
    }, CLOSED_POLL_MS);
    const timeout = window.setTimeout(() => {
      popup.close();
      finish(() => reject(new PostLoginError('popup_timeout')));
    }, timeoutMs);
  });
}

/** In the popup: hand the response to the window that opened it. */
export function relayPopupResponse(url: string): void {
  const channel = new BroadcastChannel(POPUP_CHANNEL);
  channel.postMessage({ url });
  channel.close();
}
