/**
 * Runs `callback` once the main thread is idle (in practice after the pending paint), and no later than `timeout` ms.
 * Work that the first paint does not need waits here, so that it does not delay that paint.
 * Safari has no `requestIdleCallback`; there a short timer does.
 */
export function whenIdle(callback: () => void, timeout = 200): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => callback(), { timeout });
  else setTimeout(callback, 50);
}

let firstPaint: Promise<void> | null = null;

/**
 * Runs `callback` when the main thread is idle after the page's first contentful paint has been shown (at once, when
 * it has been shown already), and at the latest `timeout` ms from the first call (a page in a background tab paints
 * nothing). Lazy chunks wait here, so that they are not fetched and compiled while the browser still rasterizes and
 * presents that paint (the language chunk was asked for before it in 38 of 40 runs of `npm run bench` on 2 cores).
 */
export function afterFirstPaint(callback: () => void, timeout = 1000): void {
  firstPaint ??= new Promise<void>((resolve) => {
    const timer = setTimeout(done, timeout);
    let observer: PerformanceObserver | null = null;
    function done() {
      clearTimeout(timer);
      observer?.disconnect();
      resolve();
    }
    if (typeof PerformanceObserver !== 'function' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      done(); // no paint timing in this browser
      return;
    }
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length) done();
    });
    observer.observe({ type: 'paint', buffered: true });
  });
  void firstPaint.then(() => whenIdle(callback));
}
