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

/** What the stories read of an element's entry in custom-elements.json. */
export interface ManifestDeclaration {
  tagName?: string;
  summary?: string;
  description?: string;
  members?: { name: string; kind: string; privacy?: string; static?: boolean }[];
  cssProperties?: { name: string }[];
  cssParts?: { name: string }[];
}

/** The custom-elements.json entry of a tag (the manifest the controls come from). */
export function manifestDeclaration(manifest: unknown, tag: string): ManifestDeclaration | undefined {
  return (manifest as { modules: { declarations?: ManifestDeclaration[] }[] }).modules
    .flatMap((module) => module.declarations ?? [])
    .find((item) => item.tagName === tag);
}

/**
 * Parameters for a component's Docs page: its summary and description from custom-elements.json (the element's JSDoc,
 * what adopters read in their editor too), then what the stories show.
 */
export function componentDocs(declaration: ManifestDeclaration | undefined, stories: string) {
  const summary = declaration?.summary && `**${declaration.summary}**`;
  const component = [summary, declaration?.description, stories].filter(Boolean).join('\n\n');
  return { docs: { description: { component } } };
}

/**
 * Table rows to leave out (members that are nothing to set). Storybook keys the rows by name and a CSS part takes the
 * row of a member of the same name (`status`, `form`): those stay, or the part would be missing from the Docs page.
 */
export function hiddenRows(declaration: ManifestDeclaration | undefined, names: string[]): Record<string, { table: { disable: true } }> {
  const parts = new Set((declaration?.cssParts ?? []).map(({ name }) => name));
  return Object.fromEntries(names.filter((name) => !parts.has(name)).map((name) => [name, { table: { disable: true } }]));
}

/** The `--post-*` custom properties an element documents, as colour or text controls (`cssProperties` applies them). */
export function cssPropertyControls(declaration: ManifestDeclaration | undefined): Record<string, { control: 'color' | 'text' }> {
  return Object.fromEntries(
    (declaration?.cssProperties ?? []).map(({ name }) => [name, { control: name.startsWith('--post-color-') ? 'color' : 'text' }]),
  );
}
