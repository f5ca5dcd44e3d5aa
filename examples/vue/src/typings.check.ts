/**
 * Type checks only: what post-login-widgets/vue adds to Vue's `GlobalComponents`, read the way Vue's template checker
 * reads a component (props from `$props`, events from `$emit`).
 * test/build/examples.test.mjs runs vue-tsc on this folder: each `@ts-expect-error` marks something that must be refused.
 */
import type { GlobalComponents } from 'vue';
import type {} from 'post-login-widgets/vue';
import type {
  AddressPickerErrorEvent,
  AddressPickerRemoveEvent,
  AddressPickerSaveEvent,
  PostLoginAccountChangeEvent,
  PostLoginErrorEvent,
  PostLoginLinkRequestEvent,
  PostLoginReadyEvent,
  PostLoginSessionExpiredEvent,
  PostLoginSignInEvent,
  PostLoginSignOutEvent,
  SwissIdLinkBannerDismissedEvent,
  SwissIdLinkBannerErrorEvent,
  SwissIdLinkBannerLinkedEvent,
  SwissIdLinkBannerShownEvent,
  SwissIdLinkBannerStartedEvent,
} from 'post-login-widgets';

type Instance<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>;
type Props<Tag extends keyof GlobalComponents> = Instance<Tag>['$props'];

// <post-login authority="…" client-id="…" flow="popup" text-sign-in-swissid="…" class="header-login">
export const login: Props<'post-login'> = {
  authority: 'https://login.swissid.ch',
  clientId: 'client',
  api: 'https://account.post.ch/api/',
  apiScope: 'account.read addresses.read',
  flow: 'popup',
  texts: { signInSwissid: 'Mit SwissID anmelden' },
  'text-sign-in-swissid': 'Mit SwissID anmelden',
  class: 'header-login',
  id: 'login',
};
export const banner: Props<'swissid-link-banner'> = { for: 'login', remindAfterDays: 3, flow: 'redirect' };
export const picker: Props<'address-picker'> = { for: 'login', name: 'address', service: 'forwarding', required: true, headingLevel: 2 };

// @ts-expect-error -- flow is 'redirect' or 'popup'
export const wrongFlow: Props<'post-login'> = { flow: 'sideways' };
// @ts-expect-error -- remindAfterDays is a number
export const wrongDays: Props<'swissid-link-banner'> = { remindAfterDays: '7' };
// @ts-expect-error -- service is one of the four services
export const wrongService: Props<'address-picker'> = { service: 'parcel' };

/** `@post-login-sign-in="…"` and the others: each event of each element, with its class. */
export function everyEvent(
  elements: { login: Instance<'post-login'>; banner: Instance<'swissid-link-banner'>; picker: Instance<'address-picker'> },
  events: {
    ready: PostLoginReadyEvent;
    signIn: PostLoginSignInEvent;
    signOut: PostLoginSignOutEvent;
    expired: PostLoginSessionExpiredEvent;
    error: PostLoginErrorEvent;
    accountChange: PostLoginAccountChangeEvent;
    linkRequest: PostLoginLinkRequestEvent;
    shown: SwissIdLinkBannerShownEvent;
    started: SwissIdLinkBannerStartedEvent;
    linked: SwissIdLinkBannerLinkedEvent;
    dismissed: SwissIdLinkBannerDismissedEvent;
    linkError: SwissIdLinkBannerErrorEvent;
    save: AddressPickerSaveEvent;
    remove: AddressPickerRemoveEvent;
    pickerError: AddressPickerErrorEvent;
    change: Event;
  },
) {
  const { login, banner, picker } = elements;
  login.$emit('post-login-ready', events.ready);
  login.$emit('post-login-sign-in', events.signIn);
  login.$emit('post-login-sign-out', events.signOut);
  login.$emit('post-login-session-expired', events.expired);
  login.$emit('post-login-error', events.error);
  login.$emit('post-login-account-change', events.accountChange);
  login.$emit('post-login-link-request', events.linkRequest);
  banner.$emit('swissid-link-banner-shown', events.shown);
  banner.$emit('swissid-link-banner-started', events.started);
  banner.$emit('swissid-link-banner-linked', events.linked);
  banner.$emit('swissid-link-banner-dismissed', events.dismissed);
  banner.$emit('swissid-link-banner-error', events.linkError);
  picker.$emit('address-picker-save', events.save);
  picker.$emit('address-picker-remove', events.remove);
  picker.$emit('address-picker-error', events.pickerError);
  picker.$emit('change', events.change);
  picker.$emit('input', events.change);
  // @ts-expect-error -- the sign-in event is a PostLoginSignInEvent, not a sign-out
  login.$emit('post-login-sign-in', events.signOut);
  // @ts-expect-error -- <post-login> has no such event
  login.$emit('post-login-signed-in', events.signIn);
  // The element itself is still the element: a template ref gets its methods.
  return login.signIn('swissid');
}
