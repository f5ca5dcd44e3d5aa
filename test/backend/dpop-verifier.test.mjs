import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DpopProofError, createDpopVerifier } from '../../demo/server/dpop.mjs';
import { DpopKey } from './dpop-client.mjs';

const URL_ME = 'https://api.example/me';
const TOKEN = 'an-access-token';

describe('the DPoP proof check (dpop.mjs), on a clock of its own', () => {
  /** A verifier whose clock the test moves (seconds), and a key a token is bound to. */
  const setUp = async () => {
    let clock = 1_800_000_000;
    const verifier = createDpopVerifier({ now: () => clock * 1000 });
    const key = await DpopKey.generate();
    const request = { method: 'GET', url: URL_ME, accessToken: TOKEN, jkt: key.thumbprint };
    const proof = (options = {}) => key.proof('GET', URL_ME, { accessToken: TOKEN, iat: clock, ...options });
    return { verifier, key, request, proof, tick: (seconds) => { clock += seconds; }, time: () => clock };
  };

  it('takes iat from 60 s before now to 5 s after, and nothing outside', async () => {
    const { verifier, request, proof, time } = await setUp();
    await verifier.verify(await proof({ iat: time() - 60 }), request);
    await verifier.verify(await proof({ iat: time() + 5 }), request);
    await assert.rejects(verifier.verify(await proof({ iat: time() - 61 }), request), /too old/);
    await assert.rejects(verifier.verify(await proof({ iat: time() + 6 }), request), /future/);
  });

  it('remembers a jti for as long as its proof could be accepted, then forgets it', async () => {
    const { verifier, request, proof, tick } = await setUp();
    const first = await proof({ jti: 'one' });
    await verifier.verify(first, request);
    await assert.rejects(verifier.verify(first, request), DpopProofError);
    assert.equal(verifier.remembered, 1);
    tick(30);
    await verifier.verify(await proof({ jti: 'two' }), request);
    assert.equal(verifier.remembered, 2);
    tick(37);
    // 'one' is past every window (60 s + 5 s + 1 s): gone at the next check; 'two' is kept.
    await verifier.verify(await proof({ jti: 'three' }), request);
    assert.equal(verifier.remembered, 2);
    await assert.rejects(verifier.verify(await proof({ jti: 'two' }), request), /used before/);
  });

  it('remembers only proofs that passed: a refused one does not use up its jti', async () => {
    const { verifier, request, proof } = await setUp();
    await assert.rejects(verifier.verify(await proof({ jti: 'x', claims: { htm: 'POST' } }), request), /htm/);
    assert.equal(verifier.remembered, 0);
    await verifier.verify(await proof({ jti: 'x' }), request);
  });

  it('keeps a jti per key: the same jti from another key is another proof', async () => {
    const { verifier, request, proof, time } = await setUp();
    const other = await DpopKey.generate();
    await verifier.verify(await proof({ jti: 'same' }), request);
    await verifier.verify(await other.proof('GET', URL_ME, { accessToken: TOKEN, iat: time(), jti: 'same' }), { ...request, jkt: other.thumbprint });
  });

  it('normalizes htu as a URL (host case, default port) but takes no query, fragment or other scheme', async () => {
    const { verifier, request, proof } = await setUp();
    await verifier.verify(await proof({ claims: { htu: 'https://API.example:443/me' } }), request);
    for (const htu of ['https://api.example/me?', 'https://api.example/me#', 'http://api.example/me', 'https://api.example/me/', 'ftp://api.example/me', 42]) {
      await assert.rejects(verifier.verify(await proof({ claims: { htu } }), request), /htu/, String(htu));
    }
  });
});
