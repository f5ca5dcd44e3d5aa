import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Decorator, Preview } from '@storybook/web-components-vite';
import customElements from '../custom-elements.json';
import '../src/post-login/index.js';

setCustomElementsManifest(customElements);

/** Sets `<html lang>`: the element resolves its language from its own `lang`, then its ancestors, then `<html lang>`. */
const withLanguage: Decorator = (story, context) => {
  document.documentElement.lang = String(context.globals.lang ?? 'de');
  return story();
};

const preview: Preview = {
  decorators: [withLanguage],
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
  },
};

export default preview;
