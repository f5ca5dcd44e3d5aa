/**
 * Runs `callback` once the main thread is idle (in practice after the pending paint), and no later than `timeout` ms.
 * Work that the first paint does not need waits here, so that it does not delay that paint.
 * Safari has no `requestIdleCallback`; there a short timer does.
 */
export function whenIdle(callback: () => void, timeout = 200): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => callback(), { timeout });
  else setTimeout(callback, 50);
}
