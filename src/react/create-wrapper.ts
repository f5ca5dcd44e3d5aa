import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type { TagEvent } from '../framework-props.js';


/** An event as a listener on the element gets it: `currentTarget` is the element. */
export type HeardEvent<Name extends keyof GlobalEventHandlersEventMap, Element> = GlobalEventHandlersEventMap[Name] & {
  readonly currentTarget: Element;
};

type EventNames = Record<string, keyof GlobalEventHandlersEventMap>;
/** The `onX` props of a wrapper, each typed with the class of its event. */
type TypedEventNames<M extends EventNames, Element> = { [Prop in keyof M]: EventName<HeardEvent<M[Prop], Element>> };

/**
 * A React component for one of the elements (`@lit/react`): its properties as props, and an `onX` prop for each event
 * in `events`, typed with the event's class. It does not compile when `events` leaves out one of the tag's events: the
 * error names the missing one.
 */
export function createWrapper<Element extends HTMLElement, Tag extends string, Events extends EventNames>(
  tagName: Tag,
  elementClass: new () => Element,
  displayName: string,
  events: Events & Record<Exclude<TagEvent<Tag>, Events[keyof Events]>, never>,
) {
  return createComponent({
    react: React,
    tagName,
    elementClass,
    displayName,
    events: events as unknown as TypedEventNames<Events, Element>,
  });
}
