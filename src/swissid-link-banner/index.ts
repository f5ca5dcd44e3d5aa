export { SwissIdLinkBanner, type SwissIdLinkBannerView, type LinkStep } from './swissid-link-banner.js';
export * from './swissid-link-banner.events.js';
