/**
 * The login settings: the reference backend that `node examples/serve.mjs` starts, where `post-login-example` is
 * registered for this page (see README.md). A real app puts its SwissID client here.
 */
export const settings = {
  authority: 'http://localhost:4001',
  clientId: 'post-login-example',
  api: 'http://localhost:4002',
};
