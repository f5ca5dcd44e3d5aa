/**
 * JSON over fetch with the failures a widget must tell apart: offline, timeout, 401, server error, malformed body.
 * The access token goes in the Authorization header only (with its DPoP proof); errors never repeat it.
 */

/** The headers that authorize one request: the bound access token and a proof for this method and address. */
export type Authorize = (method: string, url: string) => Promise<Record<string, string>>;

export type HttpFailure = 'network' | 'timeout' | 'unauthorized' | 'server' | 'malformed' | 'conflict' | 'client';

export class HttpError extends Error {
  readonly failure: HttpFailure;
  readonly status: number;
  /** The API's own error code (`{ "error": "…" }` in the body), when it sent one. */
  readonly code: string | null;
  /** The error body as sent (e.g. the current version with a 412, the field codes with a 422); never shown as is. */
  readonly body: Record<string, unknown>;

  constructor(failure: HttpFailure, status = 0, body: Record<string, unknown> = {}) {
    const code = typeof body.error === 'string' ? body.error : null;
    // Never the body's text: the API's code goes into a diagnostic only as far as it looks like one (diagnostics.ts).
    super(`HTTP ${failure}${status ? ` (${status})` : ''}`);
    this.name = 'HttpError';
    this.failure = failure;
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

async function errorBody(response: Response): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await response.json();
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export interface JsonRequest {
  method?: string;
  /** Authorizes the request for the account API; its failure (signed out, session expired) is thrown as it is. */
  authorize?: Authorize;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Aborts the request when its answer is no longer wanted (the caller checks the signal, not the error). */
  signal?: AbortSignal;
}

/**
 * An id the API gave (an account's, an address's) that is safe in a path segment: never `..`, empty or a separator,
 * so that a malformed answer cannot send a request elsewhere in the API.
 */
export const isId = (value: unknown): value is string => typeof value === 'string' && /^[\w-]{1,64}$/.test(value);

/** The address of `path` under the account API's base URL (with or without its trailing slash). */
export function apiUrl(api: string, path: string): string {
  return new URL(path, api.endsWith('/') ? api : `${api}/`).href;
}

function withTimeout(signal: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal && typeof AbortSignal.any === 'function' ? AbortSignal.any([signal, timeout]) : timeout;
}

export async function fetchJson<T>(url: string, request: JsonRequest = {}): Promise<T> {
  const method = request.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  if (request.authorize) Object.assign(headers, await request.authorize(method, url));
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      credentials: 'omit',
      signal: withTimeout(request.signal, request.timeoutMs ?? 15_000),
    });
  } catch (error) {
    throw new HttpError((error as Error).name === 'TimeoutError' ? 'timeout' : 'network');
  }
  if (response.status === 401) throw new HttpError('unauthorized', 401);
  if (response.status === 409 || response.status === 412) {
    throw new HttpError('conflict', response.status, await errorBody(response));
  }
  if (response.status >= 500) throw new HttpError('server', response.status);
  if (!response.ok) throw new HttpError('client', response.status, await errorBody(response));
  if (response.status === 204) return undefined as T; // done, nothing to say (a removal)
  try {
    return (await response.json()) as T;
  } catch {
    throw new HttpError('malformed', response.status);
  }
}
