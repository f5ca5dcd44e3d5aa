import type { StorybookConfig } from '@storybook/web-components-vite';
import { keepSourceSideEffects } from '../tools/keep-source-side-effects.js';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // Controls, actions, toolbars and viewports are built in; addon-docs adds a Docs page per component (autodocs, from
  // custom-elements.json). Nothing that needs the network.
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  async viteFinal(config) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(config, {
      // `storybook dev` pre-bundles lit but not `lit/directive-helpers.js`, which the web-components renderer imports:
      // that loads a second lit-html ("Multiple versions of Lit loaded") and its template check sees a foreign copy.
      optimizeDeps: { include: ['lit', 'lit/directive-helpers.js'] },
      // The stories import src/<component>/index.js for its side effect (it registers the element).
      plugins: [keepSourceSideEffects],
    });
  },
};

export default config;
