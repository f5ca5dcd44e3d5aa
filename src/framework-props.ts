/**
 * What a framework's templates may set on each element, shared by the React 19 JSX typings (src/react/jsx.ts) and the
 * Vue typings (src/vue/index.d.ts): the properties (camelCase, for objects such as `texts`), the `text-*`
 * attributes and each tag's events. Types only; test/build/framework-typings.test.mjs keeps the lists complete against custom-elements.json.
 */

/** The events of a tag: the `<tag>-*` entries its element declares in `GlobalEventHandlersEventMap`. */
export type TagEvent<Tag extends string> = Extract<keyof GlobalEventHandlersEventMap, `${Tag}-${string}`>;

/** `text-*` attributes override any visible or assistive string (see the README's "Languages and texts"). */
export type TextAttributes = { [attribute: `text-${string}`]: string | undefined };

export type PostLoginProperty =
  | 'authority'
  | 'clientId'
  | 'legacyAuthority'
  | 'legacyClientId'
  | 'redirectUri'
  | 'popupRedirectUri'
  | 'postLogoutRedirectUri'
  | 'api'
  | 'scope'
  | 'apiScope'
  | 'flow'
  | 'texts'
  | 'preview';

export type SwissIdLinkBannerProperty = 'for' | 'remindAfterDays' | 'flow' | 'texts' | 'preview';

export type AddressPickerProperty =
  | 'for'
  | 'service'
  | 'name'
  | 'value'
  | 'required'
  | 'disabled'
  | 'timeout'
  | 'headingLevel'
  | 'texts'
  | 'preview';
