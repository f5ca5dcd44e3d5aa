/**
 * Runs `callback` once the browser has time for it: after the current paint, when the main thread is idle, and no
 * later than `timeout` ms. Work that the first paint does not need waits here, so that it does not delay that paint.
 * Safari has no `requestIdleCallback`; there a short timer does.
 */
export function whenIdle(callback: () => void, timeout = 200): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => callback(), { timeout });
  else setTimeout(callback, 50);
}
