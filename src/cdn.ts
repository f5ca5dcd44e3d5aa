/**
 * The partner-site bundle (dist/cdn/post-login-widgets.js): registers `<post-login>` at once and the other elements
 * only when the page uses them, so that their code stays off the login mask's first paint.
 */
export * from './post-login/index.js';

const lazyElements: Record<string, () => Promise<unknown>> = {
  'swissid-link-banner': () => import('./swissid-link-banner/index.js'),
  'address-picker': () => import('./address-picker/index.js'),
};

const observer = new MutationObserver(defineUsedElements);

function defineUsedElements(): void {
  for (const [tag, load] of Object.entries(lazyElements)) {
    if (document.querySelector(tag)) {
      delete lazyElements[tag];
      void load();
    }
  }
  if (Object.keys(lazyElements).length === 0) observer.disconnect();
}

defineUsedElements();
if (Object.keys(lazyElements).length > 0) observer.observe(document.documentElement, { childList: true, subtree: true });
