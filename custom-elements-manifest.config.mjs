/**
 * The custom elements manifest (custom-elements.json): the single source of the API docs, Storybook's controls and
 * docs pages, and the editor data made from it (VS Code custom data, JetBrains web-types).
 */
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { distModules, publicApi } from './tools/manifest-plugins.mjs';

// The freshness check (test/support/check-manifest.mjs) analyses into another folder: the editor data goes there too.
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : '.';

const references = (name, tag) => [{ name: 'README', url: `https://github.com/swisspost/post-login-widgets#${tag ?? name}` }];

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/i18n/**', 'src/core/oidc/**', 'src/react/**', 'src/vue/**'],
  litelement: true,
  // package.json names custom-elements.json itself; the freshness check writes elsewhere and must not move it.
  packagejson: false,
  plugins: [
    publicApi(),
    distModules(),
    customElementVsCodePlugin({ outdir, htmlFileName: 'vscode.html-custom-data.json', cssFileName: null, referencesTemplate: references, hideLogs: true }),
    customElementJetBrainsPlugin({
      outdir,
      webTypesFileName: 'web-types.json',
      packageJson: false,
      excludeCss: false,
      referencesTemplate: (name, tag) => references(name, tag)[0],
      hideLogs: true,
    }),
  ],
};
