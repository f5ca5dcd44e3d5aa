/**
 * Registers an element under its tag, once: when another copy of these elements got there first (a second bundle on
 * the page, or the partner bundle loaded under another address), that one stays and this one steps aside instead of
 * throwing.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
