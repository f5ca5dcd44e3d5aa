import { waitFor } from 'storybook/test';

/** What both components' stories share: theming args, descriptions, waiting for the first paint. */

/** A string that would run script if it were rendered as HTML; the stories show it must appear as text. */
export const hostile = '<img src=x onerror=alert(1)>';

/** The `--post-*` custom properties among a story's args, for a `style` binding. */
export function cssProperties(args: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(args).filter((entry): entry is [string, string] => entry[0].startsWith('--post-') && !!entry[1]),
  );
}

/** Storybook parameters with a description of what the story means for the customer. */
export function describe(story: string) {
  return { docs: { description: { story } } };
}

export function storyElement<K extends keyof HTMLElementTagNameMap>(canvasElement: HTMLElement, tag: K): HTMLElementTagNameMap[K] {
  const found = canvasElement.querySelector(tag);
  if (!found) throw new Error(`${tag} is not in the story`);
  return found;
}

/** Waits until the element has painted one of `parts` (its dictionary is loaded) and returns its shadow root. */
export function paintedShadow(canvasElement: HTMLElement, tag: keyof HTMLElementTagNameMap, parts: string): Promise<ShadowRoot> {
  const host = storyElement(canvasElement, tag);
  return waitFor(() => {
    const root = host.shadowRoot;
    if (!root?.querySelector(parts)) throw new Error(`${tag} has not painted`);
    return root;
  });
}
