/**
 * `post-login-widgets/react`: React components for the three elements (`@lit/react`), with typed `onX` event props,
 * and React 19 JSX types for the plain tags (`<post-login>`, `<swissid-link-banner>`, `<address-picker>`). Importing
 * it registers the elements.
 */
export { PostLogin } from './post-login.js';
export { SwissIdLinkBanner } from './swissid-link-banner.js';
export { AddressPicker } from './address-picker.js';
export type { HeardEvent } from './create-wrapper.js';
export type {
  AddressPickerAttributes,
  AddressPickerProps,
  PostLoginAttributes,
  PostLoginProps,
  SwissIdLinkBannerAttributes,
  SwissIdLinkBannerProps,
} from './jsx.js';
