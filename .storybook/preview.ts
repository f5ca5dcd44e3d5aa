import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { create } from 'storybook/theming';
import customElements from '../custom-elements.json';
import '../src/post-login/index.js';

setCustomElementsManifest(customElements);

/** The Post font stack (as in preview-head.html for the stories): Docs pages read like the product; no font is loaded. */
const postFont = "'Frutiger Neue For Post', system-ui, sans-serif";

/** Rows of the Docs table that describe the element but are nothing to set: events, CSS parts, slots. */
const withoutControl = new Set(['events', 'css shadow parts', 'slots']);

/**
 * Sets `<html lang>`: the element resolves its language from its own `lang`, then its ancestors, then `<html lang>`.
 * A Docs page marks its own (English) text `lang="en"`; there the stories get the toolbar's language from a wrapper.
 */
const withLanguage: Decorator = (story, context) => {
  const lang = String(context.globals.lang ?? 'de');
  document.documentElement.lang = lang;
  return context.viewMode === 'docs' ? html`<div lang=${lang}>${story()}</div>` : story();
};

const preview: Preview = {
  // A Docs page per component: description, attributes, properties, events, CSS parts and custom properties from
  // custom-elements.json, then every story with its description.
  tags: ['autodocs'],
  decorators: [withLanguage],
  argTypesEnhancers: [
    ({ argTypes }) =>
      Object.fromEntries(
        Object.entries(argTypes).map(([name, argType]) => [
          name,
          withoutControl.has(String(argType.table?.category)) ? { ...argType, control: false } : argType,
        ]),
      ),
  ],
  globalTypes: {
    lang: {
      description: 'Page language (<html lang>)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'de', title: 'Deutsch' },
          { value: 'fr', title: 'Français' },
          { value: 'it', title: 'Italiano' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'de' },
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
    docs: {
      theme: create({ base: 'light', fontBase: postFont, textColor: 'hsl(0 0% 20%)', colorSecondary: '#004976' }),
      toc: false,
    },
  },
};

export default preview;
