/**
 * The OpenID Connect protocol work, loaded lazily (with oidc-client-ts and jose) only when a sign-in starts, a
 * callback arrives or a session needs renewing; the signed-out mask paints without it.
 *
 * oidc-client-ts does the protocol (discovery, PKCE, state, token requests); this module adds what it leaves out:
 * the RFC 9207 `iss` check and full ID token verification, before anything is stored.
 */
import { ErrorResponse, OidcClient, WebStorageStateStore, type RefreshState, type SigninResponse } from 'oidc-client-ts';
import { foreignCode, PostLoginError } from '../errors.js';
import type { Profile, SignInMethod } from '../page-login.js';
import type { RequestPurpose } from '../callback-url.js';
import type { SessionTokens, StoredSession } from '../session-store.js';
import { PENDING_REQUEST_PREFIX } from '../customer-data.js';
import { dpopAuthorization, dpopStore, forgetDpopKey } from './dpop.js';
import { verifyIdToken } from './verify-id-token.js';

export interface OidcSettings {
  /** Which login this provider is: SwissID, or the older Post customer login. */
  login: SignInMethod;
  authority: string;
  clientId: string;
  redirectUri: string;
  popupRedirectUri: string;
  postLogoutRedirectUri: string;
  /** OpenID Connect scopes (what the ID token says). */
  scope: string;
  /** The account API as the resource the access token is for (RFC 8707), or null for a token without API access. */
  resource: string | null;
  /** The account API's scopes to ask for with `resource`. */
  apiScope: string;
}

/** What a pending request remembers (oidc-client-ts keeps it with the state). */
interface RequestData {
  nonce: string;
  popup: boolean;
  purpose: RequestPurpose;
}

const clients = new Map<string, OidcClient>();

function clientFor(settings: OidcSettings): OidcClient {
  const key = JSON.stringify(settings);
  let client = clients.get(key);
  if (!client) {
    client = new OidcClient({
      authority: settings.authority,
      client_id: settings.clientId,
      redirect_uri: settings.redirectUri,
      post_logout_redirect_uri: settings.postLogoutRedirectUri,
      scope: settings.scope,
      response_type: 'code',
      loadUserInfo: false,
      // The pending request (PKCE verifier, nonce) must survive the redirect and be readable by the popup's page.
      stateStore: new WebStorageStateStore({ store: localStorage, prefix: PENDING_REQUEST_PREFIX }),
      // A provider that accepts the connection and never answers must not hold a sign-in or a logout forever.
      requestTimeoutInSeconds: 10,
      // Tokens bound to this browser's key (RFC 9449): the token requests carry a proof of it (see dpop.ts).
      dpop: { store: dpopStore },
    });
    clients.set(key, client);
  }
  return client;
}

/** The claims of a JWT this session already verified (no checks: they were made when it was received). */
function claimsOf(jwt: string): Record<string, unknown> {
  const payload = (jwt.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (char) => char.charCodeAt(0)))) as Record<string, unknown>;
}

function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function sameIssuer(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

async function metadataFor(settings: OidcSettings) {
  let metadata;
  try {
    metadata = await clientFor(settings).metadataService.getMetadata();
  } catch {
    throw new PostLoginError('provider_unreachable', 'discovery failed');
  }
  if (!metadata.issuer || !metadata.jwks_uri || !sameIssuer(metadata.issuer, settings.authority)) {
    throw new PostLoginError('config_invalid', 'authority is not the issuer its discovery document names');
  }
  return metadata as typeof metadata & {
    issuer: string;
    jwks_uri: string;
    authorization_response_iss_parameter_supported?: boolean;
  };
}

/** Prepares an authorization request (code + PKCE S256, nonce) and returns where to send the browser. */
export async function createSignInRequest(
  settings: OidcSettings,
  options: { popup: boolean; uiLocales: string; purpose?: RequestData['purpose']; fresh?: boolean; nonce?: string },
): Promise<{ url: string; stateId: string }> {
  await metadataFor(settings);
  // A proof carries the nonce of whoever asked for it (the account API's link challenge), and asks for no API access:
  // its ID token is all it is for.
  const proof = options.purpose === 'proof';
  const nonce = options.nonce ?? randomNonce();
  const resource = proof ? undefined : (settings.resource ?? undefined);
  const client = clientFor(settings);
  await client.clearStaleState().catch(() => undefined);
  const request = await client.createSigninRequest({
    request_type: options.popup ? 'si:p' : 'si:r',
    redirect_uri: options.popup ? settings.popupRedirectUri : settings.redirectUri,
    nonce,
    state: { nonce, popup: options.popup, purpose: options.purpose ?? 'session' } satisfies RequestData,
    ui_locales: options.uiLocales,
    scope: resource ? `${settings.scope} ${settings.apiScope}`.trim() : settings.scope,
    resource,
    extraTokenParams: resource ? { resource } : undefined,
    // A proof must be a fresh sign-in (`max_age=0`: the ID token's auth_time says when), and lets the customer choose
    // which identity (no single sign-on); so must the first sign-in after a logout that could not end the provider's
    // session (`fresh`).
    prompt: proof || options.fresh ? 'login' : undefined,
    max_age: proof ? 0 : undefined,
  });
  return { url: request.url, stateId: request.state.id };
}

/** True when the response belongs to a popup sign-in: the page it landed on only relays it. */
export async function isPopupResponse(settings: OidcSettings, responseUrl: string): Promise<boolean> {
  try {
    const { state } = await clientFor(settings).readSigninResponseState(responseUrl, false);
    return (state.data as RequestData | undefined)?.popup === true;
  } catch {
    return false;
  }
}

function mapResponseError(error: unknown): PostLoginError {
  if (error instanceof PostLoginError) return error;
  if (error instanceof ErrorResponse) {
    if (error.error === 'access_denied') return new PostLoginError('cancelled');
    if (error.error === 'invalid_grant' || error.error === 'login_required') return new PostLoginError('response_invalid', error.error);
    // The provider's code goes into the developer's diagnostic only as a code (a tampered response can say anything).
    return new PostLoginError('provider_error', foreignCode(error.error) ?? undefined);
  }
  const message = (error as Error)?.message ?? '';
  if (error instanceof TypeError || /fetch|network/i.test(message)) return new PostLoginError('provider_unreachable');
  if (/nonce/i.test(message)) return new PostLoginError('id_token_invalid', 'nonce mismatch');
  // No matching state, missing state, malformed response: not a response this page asked for.
  return new PostLoginError('response_invalid', 'state');
}

function tokensFrom(response: SigninResponse, previous?: SessionTokens): SessionTokens {
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? previous?.refreshToken ?? null,
    idToken: response.id_token ?? previous?.idToken ?? '',
    expiresAt: response.expires_at ?? Math.floor(Date.now() / 1000) + 300,
    scope: response.scope ?? previous?.scope ?? '',
  };
}

function profileFrom(claims: Record<string, unknown>, login: Profile['login']): Profile {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const name = text(claims.name) || [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  return {
    sub: text(claims.sub),
    name: name || text(claims.email),
    email: text(claims.email),
    accountType: null,
    role: null,
    company: null,
    login,
    // The account API fills these in (account-api.ts); without it the person has no accounts to act for.
    accounts: [],
    linked: true,
  };
}

/** Checks and redeems an authorization response. Nothing is stored unless every check passed. */
export async function completeSignIn(settings: OidcSettings, responseUrl: string): Promise<StoredSession> {
  const metadata = await metadataFor(settings);
  const params = new URL(responseUrl).searchParams;
  const iss = params.get('iss');
  // RFC 9207: a provider that announces the parameter must send it, and it must name this provider exactly.
  if (iss === null ? metadata.authorization_response_iss_parameter_supported : iss !== metadata.issuer) {
    await clientFor(settings).readSigninResponseState(responseUrl, true).catch(() => undefined);
    throw new PostLoginError('response_invalid', 'iss');
  }
  let response: SigninResponse;
  try {
    response = await clientFor(settings).processSigninResponse(responseUrl);
  } catch (error) {
    throw mapResponseError(error);
  }
  const { nonce } = (response.userState ?? {}) as Partial<RequestData>;
  if (!response.id_token || !nonce) throw new PostLoginError('id_token_invalid', 'missing');
  const claims = await verifyIdToken(response.id_token, {
    issuer: metadata.issuer,
    clientId: settings.clientId,
    jwksUri: metadata.jwks_uri,
    nonce,
  });
  return { profile: profileFrom(claims, settings.login), tokens: tokensFrom(response) };
}

/** Renews the tokens with the refresh token (rotated by the provider); a new ID token is verified like the first. */
export async function refreshSession(settings: OidcSettings, session: StoredSession): Promise<StoredSession> {
  const { tokens } = session;
  if (!tokens.refreshToken) throw new PostLoginError('renewal_failed', 'no refresh token');
  const metadata = await metadataFor(settings);
  let response: SigninResponse;
  try {
    response = await clientFor(settings).useRefreshToken({
      // RefreshState is a plain record that oidc-client-ts exports as a type only.
      state: {
        refresh_token: tokens.refreshToken,
        id_token: tokens.idToken,
        session_state: null,
        scope: tokens.scope,
        profile: claimsOf(tokens.idToken) as RefreshState['profile'],
      },
      resource: settings.resource ?? undefined,
      timeoutInSeconds: 15,
    });
  } catch (error) {
    const mapped = mapResponseError(error);
    throw mapped.code === 'provider_unreachable' ? mapped : new PostLoginError('renewal_failed', mapped.message);
  }
  if (response.id_token && response.id_token !== tokens.idToken) {
    await verifyIdToken(response.id_token, {
      issuer: metadata.issuer,
      clientId: settings.clientId,
      jwksUri: metadata.jwks_uri,
      subject: session.profile.sub,
    });
  }
  // The profile (with the account API's data) stays; the refresh only proves the session is still valid.
  return { profile: session.profile, tokens: tokensFrom(response, tokens) };
}

/** Revokes a token at the provider, when there is one and the provider offers revocation; never fails. */
async function revokeToken(settings: OidcSettings, token: string | null | undefined, type: 'access_token' | 'refresh_token'): Promise<void> {
  const metadata = await metadataFor(settings).catch(() => null);
  if (token && metadata?.revocation_endpoint) await clientFor(settings).revokeToken(token, type).catch(() => undefined);
}

/** Revokes the session's refresh token at the provider. */
export function revokeRefreshToken(settings: OidcSettings, session: StoredSession | null): Promise<void> {
  return revokeToken(settings, session?.tokens.refreshToken, 'refresh_token');
}

/** The provider's logout as a form the browser posts (the ID token as hint, so never in a URL or the history). */
export interface ProviderLogoutRequest {
  action: string;
  fields: Record<string, string>;
}

/** Revokes every token of a sign-in that is not kept (a proof): its access token, and its refresh token if any. */
export async function revokeTokens(settings: OidcSettings, tokens: SessionTokens): Promise<void> {
  await Promise.all([
    revokeToken(settings, tokens.accessToken, 'access_token'),
    revokeToken(settings, tokens.refreshToken, 'refresh_token'),
  ]);
}

/**
 * The RP-initiated logout to post to the provider (null when it cannot be reached or offers none). `idTokenHint`
 * tells the provider whose session this is: without one it asks the customer before it ends anything.
 */
export async function endSession(
  settings: OidcSettings,
  { uiLocales, idTokenHint }: { uiLocales: string; idTokenHint: string | null },
): Promise<ProviderLogoutRequest | null> {
  const metadata = await metadataFor(settings).catch(() => null);
  if (!metadata?.end_session_endpoint) return null;
  const fields: Record<string, string> = {
    client_id: settings.clientId,
    post_logout_redirect_uri: settings.postLogoutRedirectUri,
    ui_locales: uiLocales,
  };
  if (idTokenHint) fields.id_token_hint = idTokenHint;
  return { action: metadata.end_session_endpoint, fields };
}

/** The headers for one request to the account API with the session's bound access token. */
export function apiAuthorization(settings: OidcSettings, accessToken: string, method: string, url: string): Promise<Record<string, string>> {
  return dpopAuthorization(settings.clientId, accessToken, method, url);
}

export { forgetDpopKey };
