import { defineElement } from '../core/define-element.js';
import { SwissIdLinkBanner } from './swissid-link-banner.js';

export { SwissIdLinkBanner, type SwissIdLinkBannerView, type LinkStep } from './swissid-link-banner.js';
export * from './swissid-link-banner.events.js';

defineElement('swissid-link-banner', SwissIdLinkBanner);
