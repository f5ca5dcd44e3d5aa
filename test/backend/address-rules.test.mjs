// The shared address-rule cases (test/fixtures/address-rule-cases.mjs) against the real API: each is sent as a
// change of Anna's online-services address (PUT /accounts/{accountId}/addresses/{id}), checked by the server with the real database
// and locality directory. The widget runs the same cases in test/browser/components/address-rules.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findLocalities } from '../../demo/server/localities.mjs';
import { ADDRESS_RULE_CASES, LOCALITIES, VALID_ADDRESS } from '../fixtures/address-rule-cases.mjs';
import { ANNA, callApi, signIn, startTestBackend } from './support.mjs';

const ANNA_ONLINE = '/accounts/a1b2c3d4-0001-4000-8000-000000000001/addresses/e1b2c3d4-0002-4000-8000-000000000002';

describe('address rules on the server (the cases the widget shares)', () => {
  let env;
  let token;
  let etag;
  before(async () => {
    env = await startTestBackend();
    token = (await signIn(env.backend, env.demoClient, ANNA)).tokens.access_token;
    etag = (await callApi(env.backend, ANNA_ONLINE, { token })).headers.get('etag');
  });
  after(() => env.close());

  it('uses the localities of the directory for every postcode of the cases', () => {
    for (const [postcode, names] of Object.entries(LOCALITIES)) {
      assert.deepEqual(findLocalities(env.backend.db, postcode).map((l) => l.name), names, postcode);
    }
    const postcodes = ADDRESS_RULE_CASES.map((c) => (c.change.postcode ?? VALID_ADDRESS.postcode).trim()).filter((p) => /^[1-9]\d{3}$/.test(p));
    for (const postcode of postcodes) assert.ok(postcode in LOCALITIES, `${postcode} is missing from LOCALITIES`);
  });

  for (const { title, change, errors } of ADDRESS_RULE_CASES) {
    it(`${Object.keys(errors).length ? 'refuses' : 'accepts'} ${title}`, async () => {
      const res = await callApi(env.backend, ANNA_ONLINE, {
        token, method: 'PUT', body: { ...VALID_ADDRESS, ...change }, headers: { 'if-match': etag },
      });
      const body = await res.json();
      if (res.status === 200) etag = res.headers.get('etag');
      assert.deepEqual({ status: res.status, fields: body.fields ?? {} }, { status: Object.keys(errors).length ? 422 : 200, fields: errors });
    });
  }
});
