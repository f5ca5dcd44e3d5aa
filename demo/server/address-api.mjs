// The address part of the account API: the locality directory, and each account's addresses under
// /accounts/{accountId}/…: writes and removals of online-services addresses with server-side validation, optimistic
// concurrency (ETag / If-Match) and idempotency keys. The acting account is named in the path, and the server checks
// that the token's subject may act for it (it is one of the `accounts` of GET /me); any other id is a 404, as an
// unknown one, so ids cannot be probed. Scopes are checked here too: reading needs `addresses.read`, writing and
// removing `addresses.write` (api-tokens.mjs). Every role of a customer's accounts may write its addresses.
import { createHash } from 'node:crypto';
import { validateOnlineAddress } from './address-rules.mjs';
import { needs } from './api-tokens.mjs';
import {
  administratorOf, countOnlineAddresses, customerOfAccount, deleteOnlineAddress, findCustomerAddress, insertOnlineAddress, listCustomerAddresses,
  updateOnlineAddress,
} from './db/addresses.mjs';
import { findIdempotentResult, storeIdempotentResult } from './db/idempotency.mjs';
import { readBody } from './http-util.mjs';
import { POSTCODE_PATTERN, findLocalities } from './localities.mjs';

/** An Idempotency-Key: 1 to 255 visible ASCII characters (a UUID is a good choice). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
/** An account or address id in a path. */
const ID = '([\\w-]{1,64})';

const etagOf = (address) => `"${address.version}"`;
const VERSION_MISMATCH = 'The address was changed in the meantime; here is the current one.';

/** @typedef {import('./account-api.mjs').RequestContext} RequestContext */
/** @typedef {import('./account-api.mjs').CustomerAccount} CustomerAccount */
/** @typedef {import('./db/addresses.mjs').Customer} Customer */
/** @typedef {{ account: CustomerAccount, customer: Customer|undefined }} Acting the account a request acts for, and its customer */

/** An error answer: `{ error: code, message, ...extra }`. */
const fail = ({ reply }, status, code, message, extra = {}, headers = {}) => reply(status, { error: code, message, ...extra }, headers);

/**
 * The routes of /localities, /accounts/{accountId}/addresses and /accounts/{accountId}/addresses/{id}.
 * @param {object} deps
 * @param {import('better-sqlite3').Database} deps.db
 * @returns {import('./account-api.mjs').ApiRoute[]}
 */
export function createAddressRoutes({ db }) {
  /**
   * The account the path names, when the token's subject may act for it, and its customer (none for an account
   * without one); undefined after the answer: 401 without a valid token, 404 for any other account id.
   * @param {RequestContext} ctx
   * @param {string} accountId
   * @returns {Promise<Acting|undefined>}
   */
  const acting = async (ctx, accountId) => {
    const accounts = await ctx.accounts();
    if (accounts === undefined) return ctx.unauthorized();
    const account = accounts.find((candidate) => candidate.id === accountId);
    if (!account) return fail(ctx, 404, 'not_found', 'No such account.');
    return { account, customer: customerOfAccount(db, account.id) };
  };

  /**
   * One of the acting customer's addresses (billing or online); another customer's is never found: a 404.
   * @param {RequestContext} ctx
   * @param {Acting} found
   * @param {string} id
   */
  const addressOf = (ctx, { customer }, id) => {
    const address = customer ? findCustomerAddress(db, customer.id, id) : undefined;
    return address ?? fail(ctx, 404, 'not_found', 'No such address.');
  };

  /** GET /localities?postcode=3000 @param {RequestContext} ctx */
  const localities = async (ctx) => {
    if ((await ctx.accounts()) === undefined) return ctx.unauthorized();
    const postcode = new URL(ctx.req.url ?? '/', 'http://api').searchParams.get('postcode') ?? '';
    if (!POSTCODE_PATTERN.test(postcode)) {
      return fail(ctx, 400, 'invalid_postcode', 'Give a Swiss postcode of 4 digits: ?postcode=3000.');
    }
    return ctx.reply(200, { postcode, localities: findLocalities(db, postcode) });
  };

  /** GET /accounts/{accountId}/addresses @param {RequestContext} ctx @param {string[]} params */
  const list = async (ctx, [accountId]) => {
    const found = await acting(ctx, accountId);
    if (!found) return undefined;
    const { account, customer } = found;
    // Whether this token may write at all (a partner's token may not); every role of the customer may.
    const writable = Boolean((await ctx.token())?.scopes.has('addresses.write'));
    if (!customer) {
      return ctx.reply(200, {
        accountId: account.id,
        billing: null,
        online: [],
        administrator: null,
        limits: { maxOnline: 0, canEdit: false, canAdd: false, managedBy: 'self', writable },
      });
    }
    const { billing, online } = listCustomerAddresses(db, customer.id);
    return ctx.reply(200, {
      accountId: account.id,
      billing,
      online,
      administrator: customer.type === 'business' ? administratorOf(db, customer.id) ?? null : null,
      limits: {
        maxOnline: customer.maxOnline, canEdit: writable, canAdd: writable && online.length < customer.maxOnline, managedBy: customer.managedBy, writable,
      },
    });
  };

  /** GET /accounts/{accountId}/addresses/{id} @param {RequestContext} ctx @param {string[]} params */
  const read = async (ctx, [accountId, id]) => {
    const found = await acting(ctx, accountId);
    const address = found && addressOf(ctx, found, id);
    if (address) ctx.reply(200, address, { ETag: etagOf(address) });
  };

  /** POST /accounts/{accountId}/addresses @param {RequestContext} ctx @param {string[]} params */
  const create = async (ctx, [accountId]) => {
    const found = await acting(ctx, accountId);
    if (found) await write(ctx, found, undefined);
  };

  /** PUT /accounts/{accountId}/addresses/{id}: an online-services address. @param {RequestContext} ctx @param {string[]} params */
  const update = async (ctx, [accountId, id]) => {
    const found = await acting(ctx, accountId);
    const address = found && addressOf(ctx, found, id);
    if (!address) return undefined;
    if (address.kind === 'billing') return billingReadOnly(ctx);
    return write(ctx, /** @type {Acting} */ (found), address);
  };

  /**
   * DELETE /accounts/{accountId}/addresses/{id}: an online-services address, at the version the client read, never
   * the billing address nor the customer's last online-services address. An Idempotency-Key (optional) answers a
   * retried removal (say its answer was lost) with its first 204, even though the address is gone by then.
   * @param {RequestContext} ctx
   * @param {string[]} params
   */
  const remove = async (ctx, [accountId, id]) => {
    const found = await acting(ctx, accountId);
    if (!found) return undefined;
    const key = idempotencyKey(ctx, false);
    if (key === false) return undefined;
    const fingerprint = fingerprintOf(['DELETE', ctx.path, ctx.req.headers['if-match'] ?? '', '']);
    if (key && replayed(ctx, accountId, key, fingerprint)) return undefined;
    const address = addressOf(ctx, found, id);
    if (!address) return undefined;
    if (address.kind === 'billing') return billingReadOnly(ctx);
    const expected = expectedVersions(ctx);
    if (!expected) return undefined;
    if (!expected.includes(address.version)) return versionMismatch(ctx, address);

    const customer = /** @type {Customer} */ (found.customer); // an address was found: there is one
    const outcome = db.transaction(() => {
      const result = deleteOnlineAddress(db, customer.id, address.id, address.version);
      if (result === 'deleted' && key) storeIdempotentResult(db, accountId, key, { fingerprint, status: 204, body: null });
      return result;
    }).immediate();
    if (outcome === 'last_address') {
      return fail(ctx, 409, 'last_address', 'The last address for online services cannot be removed; change it instead.');
    }
    if (outcome === 'version_mismatch') {
      const current = findCustomerAddress(db, customer.id, address.id);
      return current ? versionMismatch(ctx, current) : fail(ctx, 404, 'not_found', 'No such address.');
    }
    return ctx.reply(204, null);
  };

  /**
   * A write: POST (no `address`) or PUT of an online-services address.
   * @param {RequestContext} ctx
   * @param {Acting} found
   * @param {any} address the address a PUT changes
   */
  async function write(ctx, { account, customer }, address) {
    const { req, path, reply } = ctx;
    const error = (...args) => fail(ctx, ...args);
    if (!customer) return noCustomerAccount(ctx);
    const accountId = account.id;

    let expectedVersion;
    if (address) {
      expectedVersion = expectedVersions(ctx);
      if (!expectedVersion) return undefined;
    }
    const key = idempotencyKey(ctx, !address);
    if (key === false) return undefined;

    let text;
    try {
      text = await readBody(req, 16 * 1024);
    } catch (failure) {
      if (failure?.status === 413) return error(413, 'payload_too_large', 'The request body is too large.');
      throw failure;
    }
    let input;
    try {
      input = JSON.parse(text);
    } catch {
      input = undefined;
    }
    const validBody = input !== null && typeof input === 'object' && !Array.isArray(input);
    const fingerprint = fingerprintOf([req.method, path, address ? req.headers['if-match'] ?? '' : '', validBody ? canonical(input) : text]);

    // A retry of a write that succeeded: the same answer, nothing done twice.
    if (key && replayed(ctx, accountId, key, fingerprint)) return undefined;

    // Preconditions before the content: a stale write is refused whatever it contains.
    if (address && !expectedVersion?.includes(address.version)) return versionMismatch(ctx, address);

    if (!validBody) return error(400, 'invalid_request', 'Send the address as a JSON object.');
    const checked = validateOnlineAddress(db, input);
    if (!checked.ok) {
      return error(422, 'validation', 'Some fields are not a valid Swiss address.', { fields: checked.fields });
    }

    // Limit, write and the stored result in one transaction.
    const outcome = db.transaction(() => {
      if (!address) {
        if (countOnlineAddresses(db, customer.id) >= customer.maxOnline) return { status: 409 };
        const created = insertOnlineAddress(db, customer.id, checked.value);
        const result = { fingerprint, status: 201, body: created, etag: etagOf(created) };
        if (key) storeIdempotentResult(db, accountId, key, result);
        return result;
      }
      const updated = updateOnlineAddress(db, customer.id, address.id, address.version, checked.value);
      if (!updated) return { status: 412, current: findCustomerAddress(db, customer.id, address.id) };
      const result = { fingerprint, status: 200, body: updated, etag: etagOf(updated) };
      if (key) storeIdempotentResult(db, accountId, key, result);
      return result;
    }).immediate();

    if (outcome.status === 409) {
      return error(409, 'limit_reached', `This account may have ${customer.maxOnline} online-services address(es); customer service can register several for some services.`,
        { maxOnline: customer.maxOnline });
    }
    if (outcome.status === 412) return versionMismatch(ctx, outcome.current);
    const body = /** @type {{ id: string }} */ (outcome.body);
    return reply(outcome.status, body, {
      ETag: /** @type {string} */ (outcome.etag),
      ...(outcome.status === 201 ? { Location: `/accounts/${accountId}/addresses/${body.id}` } : {}),
    });
  }

  /**
   * Answers a request whose Idempotency-Key this account used before: the stored answer for the same request, 422
   * for another one. Returns whether it answered.
   * @param {RequestContext} ctx
   */
  function replayed(ctx, accountId, key, fingerprint) {
    const earlier = findIdempotentResult(db, accountId, key);
    if (!earlier) return false;
    if (earlier.fingerprint !== fingerprint) {
      // `earlier` is what that request stored: a client whose answer was lost learns the address exists.
      fail(ctx, 422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request.', { earlier: earlier.body });
    } else {
      ctx.reply(earlier.status, earlier.body, { ...(earlier.etag ? { ETag: earlier.etag } : {}), 'Idempotent-Replayed': 'true' });
    }
    return true;
  }

  return [
    { path: '/localities', methods: { GET: needs('addresses.read', localities) } },
    {
      path: new RegExp(`^/accounts/${ID}/addresses$`),
      methods: { GET: needs('addresses.read', list), POST: needs('addresses.write', create) },
    },
    {
      path: new RegExp(`^/accounts/${ID}/addresses/${ID}$`),
      methods: { GET: needs('addresses.read', read), PUT: needs('addresses.write', update), DELETE: needs('addresses.write', remove) },
    },
  ];
}

/** @param {RequestContext} ctx */
const billingReadOnly = (ctx) => fail(ctx, 403, 'billing_read_only', 'The billing address is changed by phone or through the customer advisor only.');

/** @param {RequestContext} ctx */
const noCustomerAccount = (ctx) => fail(ctx, 403, 'no_customer_account', 'This account has no customer to keep addresses on.');

/** 412 with the address as it is now. @param {RequestContext} ctx */
const versionMismatch = (ctx, current) => fail(ctx, 412, 'version_mismatch', VERSION_MISMATCH, { current }, { ETag: etagOf(current) });

/**
 * The versions an If-Match header accepts (strong entity tags only; a weak one, W/"…", never matches); undefined
 * after a 428 when it is missing or `*`.
 * @param {RequestContext} ctx
 * @returns {number[]|undefined}
 */
function expectedVersions(ctx) {
  const ifMatch = String(ctx.req.headers['if-match'] ?? '').trim();
  if (ifMatch === '' || ifMatch === '*') {
    return fail(ctx, 428, 'precondition_required', 'Send If-Match with the ETag of the address you changed.');
  }
  return [...ifMatch.matchAll(/(^|,)\s*"(\d{1,9})"\s*(?=,|$)/g)].map((m) => Number(m[2]));
}

/**
 * The request's Idempotency-Key: the key, undefined without one (when it is optional), false after a 400.
 * @param {RequestContext} ctx
 * @param {boolean} required
 * @returns {string|undefined|false}
 */
function idempotencyKey(ctx, required) {
  const header = ctx.req.headers['idempotency-key'];
  const key = typeof header === 'string' ? header.trim() : undefined;
  if (key === undefined || key === '') {
    if (!required) return undefined;
    fail(ctx, 400, 'idempotency_key_required', 'Send an Idempotency-Key header (e.g. a UUID) with every create.');
    return false;
  }
  if (!IDEMPOTENCY_KEY.test(key)) {
    fail(ctx, 400, 'invalid_idempotency_key', 'An Idempotency-Key is 1 to 255 visible ASCII characters.');
    return false;
  }
  return key;
}

/** What makes two requests with one Idempotency-Key the same request. */
const fingerprintOf = (parts) => createHash('sha256').update(JSON.stringify(parts)).digest('base64url');

/** JSON with object keys sorted, so that the same content always gives the same fingerprint. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
