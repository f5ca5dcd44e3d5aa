/**
 * The partner-site bundle (dist/cdn/post-login-widgets.js): registers `<post-login>` at once and the other elements
 * only when the page uses them, so that their code stays off the login mask's first paint.
 */
import { defineElement } from './core/define-element.js';
import { PostLogin } from './post-login/post-login.js';

export { PostLogin, type PostLoginView } from './post-login/post-login.js';
export * from './post-login/post-login.events.js';

const lazyElements: Record<string, () => Promise<unknown>> = {
  'swissid-link-banner': () => import('./swissid-link-banner/index.js'),
  'address-picker': () => import('./address-picker/index.js'),
};

function defineUsedElements(observer: MutationObserver): void {
  for (const [tag, load] of Object.entries(lazyElements)) {
    if (document.querySelector(tag)) {
      delete lazyElements[tag];
      void load();
    }
  }
  if (Object.keys(lazyElements).length === 0) observer.disconnect();
}

function defineElements(): void {
  defineElement('post-login', PostLogin);
  const observer = new MutationObserver(() => defineUsedElements(observer));
  defineUsedElements(observer);
  if (Object.keys(lazyElements).length > 0) observer.observe(document.documentElement, { childList: true, subtree: true });
}

/** Set by the build (vite.config.ts): false for the single-file partner bundle, which has no chunks. */
declare const __SPLIT_BUNDLE__: boolean;

// The lazy chunks import this file by its plain address. Loaded under another one (`post-login-widgets.js?v=3`), this
// copy registers nothing and hands over to the plain address, so that the page has one copy of everything.
const self = new URL(import.meta.url);
if (__SPLIT_BUNDLE__ && (self.search || self.hash)) {
  self.search = '';
  self.hash = '';
  void import(/* @vite-ignore */ self.href);
} else {
  defineElements();
}
