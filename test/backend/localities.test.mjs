import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../demo/server/database.mjs';
import { DEMO_CUSTOMERS } from '../../demo/server/demo-data.mjs';
import { FULL_LOCALITIES_FILE, SAMPLE_LOCALITIES_FILE, defaultLocalitiesFile } from '../../demo/server/index.mjs';
import { LOCALITY_COLUMNS, findLocalities, loadLocalities, parseLocalities } from '../../demo/server/localities.mjs';
import { ANNA, CHALLENGE, LEA, PETER, accessTokens, callApi, signIn, startTestBackend } from './support.mjs';

const HAS_FULL = existsSync(FULL_LOCALITIES_FILE);
const HEADER = LOCALITY_COLUMNS.join('\t');
const row = (cells) => cells.join('\t');

describe('locality directory loader', () => {
  it('parses the published format by its header: additional digit, names, municipality, canton', () => {
    const text = `\uFEFF${HEADER}\r\n${row(['TI', '', 'Massagno', '', '5196', 'Massagno', '', '6900', '5', 'Massagno'])}\r\n`
      + `${row(['TI', '', 'Lugano', '', '5192', 'Lugano', '!', '6900', '0', 'Lugano'])}\r\n\r\n`;
    assert.deepEqual(parseLocalities(text), [
      { postcode: '6900', additionalDigit: 0, name: 'Lugano', place: 'Lugano', municipality: 'Lugano', municipalityNumber: 5192, canton: 'TI' },
      { postcode: '6900', additionalDigit: 5, name: 'Massagno', place: 'Massagno', municipality: 'Massagno', municipalityNumber: 5196, canton: 'TI' },
    ]);
    // Another column order: the header decides.
    const reordered = ['PLZNAMK', 'PLZ4', 'PLZZ', 'KTKZ', 'ORTNAME', 'GDENR', 'GDENAMK'].join('\t');
    assert.deepEqual(parseLocalities(`${reordered}\nAarau\t5000\t0\tAG\tAarau\t4001\tAarau\n`).map((r) => [r.postcode, r.name, r.canton]), [['5000', 'Aarau', 'AG']]);
  });

  it('keeps one entry per (postcode, name), from the row of the locality itself', () => {
    const text = [
      HEADER,
      row(['TI', '', 'Calprino', '', '5210', 'Paradiso', '!', '6900', '0', 'Lugano']),
      row(['TI', '', 'Cassarate', '', '5192', 'Lugano', '!', '6900', '0', 'Lugano']),
      row(['TI', '', 'Lugano', '', '5192', 'Lugano', '!', '6900', '0', 'Lugano']),
      row(['TI', '', 'Monte San Salvatore', '', '5192', 'Lugano', '!', '6900', '0', 'Lugano']),
      row(['FR', '', 'Uebewil', '', '2293', 'Düdingen', '!', '1700', '0', 'Fribourg']),
      row(['FR', '', 'Villars-les-Joncs', '', '2293', 'Düdingen', '!', '1700', '0', 'Fribourg']),
    ].join('\n');
    const rows = parseLocalities(text);
    assert.equal(rows.length, 2);
    assert.deepEqual(rows.find((r) => r.postcode === '6900'), {
      postcode: '6900', additionalDigit: 0, name: 'Lugano', place: 'Lugano', municipality: 'Lugano', municipalityNumber: 5192, canton: 'TI',
    });
    // No row of the locality itself: the first one stands for it.
    assert.equal(rows.find((r) => r.postcode === '1700')?.place, 'Uebewil');
  });

  it('refuses a file that is not in the published format', () => {
    assert.throws(() => parseLocalities('PLZ\tORT\n3000\tBern\n'), /missing column\(s\) KTKZ, ORTNAME, GDENR, GDENAMK, PLZ4, PLZZ, PLZNAMK/);
    assert.throws(() => parseLocalities(`${HEADER}\n${row(['BE', '', 'Bern', '', '351', 'Bern', '', '300', '0', 'Bern'])}\n`), /malformed row on line 2/);
  });

  it('ships a sample with the demo postcodes, loads it once and again when the file changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'localities-'));
    const db = openDatabase(':memory:');
    try {
      const first = loadLocalities(db, SAMPLE_LOCALITIES_FILE);
      assert.equal(first.loaded, true);
      assert.equal(first.file, 'ch-localities-sample.tsv');
      const expected = {
        3000: 'Bern', 8000: 'Zürich', 1000: 'Lausanne', 1200: 'Genève', 6900: 'Lugano', 4000: 'Basel',
        5000: 'Aarau', 9000: 'St. Gallen', 2500: 'Biel/Bienne', 1700: 'Fribourg',
      };
      for (const [postcode, name] of Object.entries(expected)) assert.equal(findLocalities(db, postcode)[0]?.name, name, postcode);
      assert.deepEqual(findLocalities(db, '1000').map((l) => l.name), ['Lausanne', 'Lausanne 25', 'Lausanne 26', 'Lausanne 27']);
      assert.ok(findLocalities(db, '1148').length >= 5, 'a postcode with several localities');
      // Every demo address is in the sample (and so in the full directory).
      for (const customer of DEMO_CUSTOMERS) {
        for (const address of [customer.billing, ...customer.online]) {
          assert.ok(findLocalities(db, address.postcode).some((l) => l.name === address.locality), `${address.postcode} ${address.locality}`);
        }
      }
      const lines = readFileSync(SAMPLE_LOCALITIES_FILE, 'utf8').trim().split('\n');
      assert.equal(lines[0], HEADER);
      assert.ok(lines.length > 30 && lines.length < 100);

      assert.equal(loadLocalities(db, SAMPLE_LOCALITIES_FILE).loaded, false, 'unchanged file: not loaded again');
      const changed = join(dir, 'directory.tsv');
      writeFileSync(changed, `${HEADER}\n${row(['AG', '', 'Aarau', '', '4001', 'Aarau', '!', '5000', '0', 'Aarau'])}\n`);
      const reloaded = loadLocalities(db, changed);
      assert.deepEqual({ ...reloaded, sha256: undefined }, { loaded: true, file: 'directory.tsv', rows: 1, sha256: undefined });
      assert.match(reloaded.sha256, /^[0-9a-f]{64}$/);
      assert.equal(db.prepare('SELECT count(*) FROM localities').pluck().get(), 1);
      assert.deepEqual(findLocalities(db, '3000'), []);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses the full official directory when it is next to the repository', { skip: !HAS_FULL && 'no ../shared/data/ch-localities.tsv' }, () => {
    assert.equal(defaultLocalitiesFile(), FULL_LOCALITIES_FILE);
    const db = openDatabase(':memory:');
    try {
      const { rows } = loadLocalities(db, FULL_LOCALITIES_FILE);
      const distinct = new Set(readFileSync(FULL_LOCALITIES_FILE, 'utf8').trim().split('\n').slice(1)
        .map((line) => { const c = line.split('\t'); return `${c[7]}\t${c[9]}`; }));
      assert.equal(rows, distinct.size);
      assert.deepEqual(findLocalities(db, '3000'), [{ name: 'Bern', canton: 'BE', municipality: 'Bern' }]);
      assert.deepEqual(findLocalities(db, '8355'), [{ name: 'Aadorf', canton: 'TG', municipality: 'Aadorf' }]);
    } finally {
      db.close();
    }
  });
});

describe('localities API', () => {
  let env;
  let backend;
  /** @type {Record<'anna'|'lea'|'peter', string>} */
  let token;
  before(async () => {
    env = await startTestBackend();
    backend = env.backend;
    token = await accessTokens(env, { anna: ANNA, lea: LEA }, { peter: PETER });
  });
  after(() => env.close());

  const api = (path, { as, ...options } = {}) => callApi(backend, path, { ...options, token: as && token[as] });

  describe('GET /localities', () => {
    it('answers the localities of a postcode, main locality first', async () => {
      const res = await api('/localities?postcode=3000', { as: 'anna' });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { postcode: '3000', localities: [{ name: 'Bern', canton: 'BE', municipality: 'Bern' }] });
      const lugano = await (await api('/localities?postcode=6900', { as: 'lea' })).json();
      assert.deepEqual(lugano.localities, [
        { name: 'Lugano', canton: 'TI', municipality: 'Lugano' },
        { name: 'Massagno', canton: 'TI', municipality: 'Massagno' },
        { name: 'Paradiso', canton: 'TI', municipality: 'Paradiso' },
      ]);
      const lausanne = await (await api('/localities?postcode=1000', { as: 'peter' })).json();
      assert.deepEqual(lausanne.localities.map((l) => l.name), ['Lausanne', 'Lausanne 25', 'Lausanne 26', 'Lausanne 27']);
    });

    it('answers an empty list for an unknown postcode and 400 for a malformed one', async () => {
      assert.deepEqual(await (await api('/localities?postcode=9999', { as: 'anna' })).json(), { postcode: '9999', localities: [] });
      for (const query of ['', '?postcode=', '?postcode=300', '?postcode=30000', '?postcode=0300', '?postcode=abcd', '?postcode=3000%20']) {
        const res = await api(`/localities${query}`, { as: 'anna' });
        assert.equal(res.status, 400, query);
        assert.equal((await res.json()).error, 'invalid_postcode', query);
      }
    });

    it('needs an access token', async () => {
      const res = await api('/localities?postcode=3000');
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('www-authenticate'), CHALLENGE.none);
      assert.equal((await api('/localities?postcode=3000', { method: 'POST', as: 'anna' })).status, 405);
    });

    it('uses the full directory when it is there', { skip: !HAS_FULL && 'no ../shared/data/ch-localities.tsv' }, async () => {
      assert.equal(backend.localities.file, 'ch-localities.tsv');
      assert.deepEqual((await (await api('/localities?postcode=8355', { as: 'anna' })).json()).localities, [{ name: 'Aadorf', canton: 'TG', municipality: 'Aadorf' }]);
    });

    it('uses the shipped sample when told to', async () => {
      const sample = await startTestBackend({ localitiesFile: SAMPLE_LOCALITIES_FILE });
      try {
        assert.equal(sample.backend.localities.file, 'ch-localities-sample.tsv');
        const { tokens } = await signIn(sample.backend, sample.demoClient);
        const get = async (postcode) => (await (await callApi(sample.backend, `/localities?postcode=${postcode}`, {
          token: tokens.access_token,
        })).json()).localities;
        assert.deepEqual(await get('1700'), [{ name: 'Fribourg', canton: 'FR', municipality: 'Fribourg' }]);
        assert.deepEqual(await get('8355'), [], 'only in the full directory');
      } finally {
        await sample.close();
      }
    });
  });
});
