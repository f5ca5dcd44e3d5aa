/**
 * React 19 JSX types for the plain tags, for apps that write `<post-login authority="…">` without the wrappers.
 * React 19 sets a prop as a property when the element has it (so import the element module before the first render)
 * and otherwise as an attribute (also when rendering on the server), and adds `on<event-name>` props as listeners of
 * that event: `onpost-login-sign-in={(event) => event.profile.name}`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { AddressService } from '../address-picker/address-api.js';
import type { AddressPicker } from '../address-picker/address-picker.js';
import type { SignInFlow } from '../core/page-login.js';
import type { PostLogin } from '../post-login/post-login.js';
import type { SwissIdLinkBanner } from '../swissid-link-banner/swissid-link-banner.js';
import type { AddressPickerProperty, PostLoginProperty, SwissIdLinkBannerProperty, TagEvent, TextAttributes } from '../framework-props.js';
import type { HeardEvent } from './create-wrapper.js';

/** `on<event-name>` for each event of the tag, e.g. `onpost-login-sign-in`. */
type EventListenerProps<Tag extends string, Element> = {
  [Name in TagEvent<Tag> as `on${Name}`]?: (event: HeardEvent<Name, Element>) => void;
};

/**
 * The props of a tag: React's own (`ref`, `key`, `className`, `style`, `children`, `on…`), `class`, the element's
 * attributes (kebab-case; safe in server rendering), the chosen properties (camelCase, for objects such as `texts`) and
 * a listener prop per event.
 */
type CustomElementProps<Element extends HTMLElement, Tag extends string, Attributes, Properties extends keyof Element> =
  DetailedHTMLProps<HTMLAttributes<Element>, Element> & { class?: string } & Attributes & TextAttributes &
    Partial<Pick<Element, Properties>> & EventListenerProps<Tag, Element>;

export interface PostLoginAttributes {
  authority?: string;
  'client-id'?: string;
  'legacy-authority'?: string;
  'legacy-client-id'?: string;
  'redirect-uri'?: string;
  'popup-redirect-uri'?: string;
  'post-logout-redirect-uri'?: string;
  api?: string;
  scope?: string;
  'api-scope'?: string;
  flow?: SignInFlow;
}

export interface SwissIdLinkBannerAttributes {
  for?: string;
  'remind-after-days'?: number;
  flow?: '' | SignInFlow;
}

export interface AddressPickerAttributes {
  for?: string;
  service?: AddressService;
  name?: string;
  value?: string;
  required?: boolean;
  disabled?: boolean;
  timeout?: number;
  'heading-level'?: number;
}

export type PostLoginProps = CustomElementProps<
  PostLogin,
  'post-login',
  PostLoginAttributes,
  PostLoginProperty
>;

export type SwissIdLinkBannerProps = CustomElementProps<
  SwissIdLinkBanner,
  'swissid-link-banner',
  SwissIdLinkBannerAttributes,
  SwissIdLinkBannerProperty
>;

/** `onChange` and `onInput` are React's own: React 19 hears the picker's native `change` and `input`. */
export type AddressPickerProps = CustomElementProps<
  AddressPicker,
  'address-picker',
  AddressPickerAttributes,
  AddressPickerProperty
>;

declare module 'react' {
  // React's JSX types live in a namespace; augmenting it is how a library adds tags.
  // eslint-disable-next-line no-restricted-syntax, @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'post-login': PostLoginProps;
      'swissid-link-banner': SwissIdLinkBannerProps;
      'address-picker': AddressPickerProps;
    }
  }
}
