/**
 * `post-login-widgets/vue`: types only. Adds `<post-login>`, `<swissid-link-banner>` and `<address-picker>` to Vue's
 * `GlobalComponents`, so that vue-tsc / Volar check their props and `@event` handlers in templates (the pattern of
 * Vue's guide, "Non-Vue Web Components and TypeScript"). Import it once in a project with Vue 3.5:
 * `import type {} from 'post-login-widgets/vue'`. It augments 'vue' only where 'vue' resolves; without Vue this file
 * adds nothing and still compiles (the `@ts-ignore` below is for that case, when a project checks declaration files).
 */
// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- @ts-expect-error would fail wherever Vue is installed
// @ts-ignore: 'vue' resolves only in a project with Vue
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { AddressPickerProperty, PostLoginProperty, SwissIdLinkBannerProperty, TagEvent, TextAttributes } from '../framework-props.js';
import type { AddressPicker, PostLogin, SwissIdLinkBanner } from '../index.js';

/** The events of a tag, by name. */
type TagEvents<Tag extends string> = { [Name in TagEvent<Tag>]: GlobalEventHandlersEventMap[Name] };

/** A custom element as Vue's template type check reads a component: props from `$props`, events from `$emit`. */
type DefineCustomElement<Element extends HTMLElement, Events, Properties extends keyof Element> = new () => Element & {
  /** @deprecated For template type checking only: the element has no `$props`. */
  $props: HTMLAttributes & TextAttributes & Partial<Pick<Element, Properties>> & PublicProps;
  /** @deprecated For template type checking only: the element has no `$emit`. */
  $emit: EmitFn<{ [Name in keyof Events]: (event: Events[Name]) => void }>;
};

export type PostLoginVueComponent = DefineCustomElement<PostLogin, TagEvents<'post-login'>, PostLoginProperty>;

export type SwissIdLinkBannerVueComponent = DefineCustomElement<
  SwissIdLinkBanner,
  TagEvents<'swissid-link-banner'>,
  SwissIdLinkBannerProperty
>;

/** Also the native `change` and `input` the picker fires when the customer chooses (`v-model` does not apply). */
export type AddressPickerVueComponent = DefineCustomElement<
  AddressPicker,
  TagEvents<'address-picker'> & { change: Event; input: Event },
  AddressPickerProperty
>;

declare module 'vue' {
  interface GlobalComponents {
    'post-login': PostLoginVueComponent;
    'swissid-link-banner': SwissIdLinkBannerVueComponent;
    'address-picker': AddressPickerVueComponent;
  }
}
