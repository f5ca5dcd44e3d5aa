// Test-only fault injection in front of the real provider: it rewrites the provider's real
// responses (authorization redirects, token responses) so tests can prove the widgets refuse them.
// Off until a test calls set(); the CLI never turns it on.
import { SignJWT, decodeJwt, decodeProtectedHeader, importJWK } from 'jose';
import { generateSigningKey } from './swissid-provider.mjs';

/**
 * @typedef {object} TamperSpec
 * @property {{ iss?: string|null, state?: string|null }} [authResponse] null removes the parameter, a string replaces it
 * @property {{ claims?: object, signature?: 'foreign-key'|'corrupt' }} [idToken]
 */

/**
 * @param {import('oidc-provider').default} provider
 * @param {{ signingKey: object, redirectUris: () => string[] }} deps
 * @returns {{ set(spec: TamperSpec): void, clear(): void }}
 */
export function installTamper(provider, { signingKey, redirectUris }) {
  /** @type {TamperSpec | null} */
  let spec = null;

  provider.use(async (ctx, next) => {
    await next();
    if (!spec) return;
    if (spec.authResponse) rewriteAuthResponse(ctx, spec.authResponse, redirectUris());
    if (spec.idToken && ctx.method === 'POST' && ctx.path === '/token' && typeof ctx.body?.id_token === 'string') {
      ctx.body = { ...ctx.body, id_token: await reissue(ctx.body.id_token, spec.idToken, signingKey) };
    }
  });

  return {
    set(next) { spec = structuredClone(next); },
    clear() { spec = null; },
  };
}

// Only the redirect back to a registered redirect_uri that carries `code` or `error`.
function rewriteAuthResponse(ctx, changes, uris) {
  const location = ctx.response.get('Location');
  if (!location) return;
  // Relative locations (the provider's own /interaction/… hops) resolve to the issuer and never match.
  const url = new URL(location, ctx.href);
  const target = `${url.origin}${url.pathname}`;
  if (!uris.includes(target)) return;
  const inFragment = !url.searchParams.has('code') && !url.searchParams.has('error') && url.hash.length > 1;
  const params = inFragment ? new URLSearchParams(url.hash.slice(1)) : url.searchParams;
  if (!params.has('code') && !params.has('error')) return;
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) params.delete(name);
    else if (value !== undefined) params.set(name, value);
  }
  if (inFragment) url.hash = params.toString();
  ctx.redirect(url.href);
}

async function reissue(idToken, { claims = {}, signature }, signingKey) {
  const header = decodeProtectedHeader(idToken);
  const payload = { ...decodeJwt(idToken), ...claims };
  // 'foreign-key': a valid signature by a key the provider never published, under the real kid.
  const jwk = signature === 'foreign-key' ? await generateSigningKey() : signingKey;
  const key = await importJWK(jwk, 'RS256');
  const token = await new SignJWT(payload).setProtectedHeader({ ...header, kid: signingKey.kid }).sign(key);
  if (signature !== 'corrupt') return token;
  const [head, body, sig] = token.split('.');
  // Flips characters in the middle of the signature, where every base64url bit matters.
  const middle = Math.floor(sig.length / 2);
  const flipped = [...sig.slice(middle, middle + 8)].map((c) => (c === 'A' ? 'B' : 'A')).join('');
  return `${head}.${body}.${sig.slice(0, middle)}${flipped}${sig.slice(middle + 8)}`;
}
