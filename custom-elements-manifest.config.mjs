/** The custom elements manifest (custom-elements.json): API docs, Storybook controls, editor support. */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/i18n/**', 'src/core/oidc/**'],
  litelement: true,
  // package.json names custom-elements.json itself; the freshness check writes elsewhere and must not move it.
  packagejson: false,
  plugins: [
    {
      // The analyzer also guesses events from `dispatchEvent(new SomeEvent(arg))`; only the tag-prefixed events
      // and the native-named ones a form field fires (`change`, `input`) are part of the API.
      name: 'public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.tagName && declaration.events) {
              const formField = declaration.members?.some((member) => member.static && member.name === 'formAssociated');
              declaration.events = declaration.events.filter(
                (event) => event.name?.startsWith(`${declaration.tagName}-`) || (formField && ['change', 'input'].includes(event.name)),
              );
            }
            // Private fields and methods are not API.
            if (declaration.members) declaration.members = declaration.members.filter((member) => member.privacy !== 'private');
          }
        }
      },
    },
  ],
};
