import { SwissIdLinkBanner as SwissIdLinkBannerElement } from '../swissid-link-banner/index.js';
import { createWrapper } from './create-wrapper.js';

/**
 * `<swissid-link-banner>` for React. Registers the element. Props are its properties (`for`, `remindAfterDays`,
 * `flow`, `texts`); `onShown`, `onStarted`, `onLinked`, `onDismissed` and `onError` get its events.
 */
export const SwissIdLinkBanner = createWrapper('swissid-link-banner', SwissIdLinkBannerElement, 'SwissIdLinkBanner', {
  onShown: 'swissid-link-banner-shown',
  onStarted: 'swissid-link-banner-started',
  onLinked: 'swissid-link-banner-linked',
  onDismissed: 'swissid-link-banner-dismissed',
  onError: 'swissid-link-banner-error',
});
