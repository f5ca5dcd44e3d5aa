// The locality directory: postcode → localities, loaded into SQLite from the published format of the
// Swiss official directory of localities (Amtliches Ortschaftenverzeichnis, Swiss Federal Statistical
// Office, open government data). The repository ships a small directory of its own
// (demo/data/ch-localities-sample.tsv); anyone can load the full, current directory in the same format.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** Columns of the published format, in its order (tab-separated, UTF-8, one header line). */
export const LOCALITY_COLUMNS = Object.freeze(['KTKZ', 'OHW', 'ORTNAME', 'GHW', 'GDENR', 'GDENAMK', 'PHW', 'PLZ4', 'PLZZ', 'PLZNAMK']);

/** The columns the loader reads; the markers OHW, GHW and PHW are not needed. */
const REQUIRED = ['KTKZ', 'ORTNAME', 'GDENR', 'GDENAMK', 'PLZ4', 'PLZZ', 'PLZNAMK'];

/** A Swiss postcode: four digits, the first not 0. */
export const POSTCODE_PATTERN = /^[1-9]\d{3}$/;

/**
 * @typedef {object} LocalityRow one (postcode, locality name) of the directory
 * @property {string} postcode          PLZ4
 * @property {number} additionalDigit   PLZZ (0 = the main locality of the postcode)
 * @property {string} name              PLZNAMK: the locality name as written with the postcode
 * @property {string} place             ORTNAME: the locality (of the representative source row)
 * @property {string} municipality      GDENAMK
 * @property {number} municipalityNumber GDENR
 * @property {string} canton            KTKZ
 */

/**
 * Parses the published format. The header names the columns (their order may change); rows are
 * deduplicated per (postcode, name): the directory lists every locality (ORTNAME, e.g. the quarters
 * of Bern) under its postcode, and an address needs the postal name only once. Of several source
 * rows the one whose ORTNAME is the postal name itself stands for the entry (Lugano, not Calprino),
 * else the first one.
 * @param {string} text
 * @returns {LocalityRow[]} sorted by postcode, additional digit, name
 * @throws {Error} for a missing column or a malformed row (with its line number)
 */
export function parseLocalities(text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0].split('\t').map((name) => name.trim());
  const index = Object.fromEntries(header.map((name, i) => [name, i]));
  const missing = REQUIRED.filter((name) => index[name] === undefined);
  if (missing.length) throw new Error(`locality directory: missing column(s) ${missing.join(', ')}`);

  /** @type {Map<string, LocalityRow>} */
  const byKey = new Map();
  /** Keys whose entry comes from the row of the locality itself (ORTNAME = PLZNAMK). */
  const exactKeys = new Set();
  for (let n = 1; n < lines.length; n += 1) {
    if (lines[n].trim() === '') continue;
    const cells = lines[n].split('\t');
    const cell = (name) => (cells[index[name]] ?? '').trim();
    const postcode = cell('PLZ4');
    const digit = cell('PLZZ');
    const name = cell('PLZNAMK').normalize('NFC');
    if (!POSTCODE_PATTERN.test(postcode) || !/^\d{1,2}$/.test(digit) || name === '' || cell('KTKZ') === '') {
      throw new Error(`locality directory: malformed row on line ${n + 1}`);
    }
    const row = {
      postcode,
      additionalDigit: Number(digit),
      name,
      place: cell('ORTNAME').normalize('NFC'),
      municipality: cell('GDENAMK').normalize('NFC'),
      municipalityNumber: Number(cell('GDENR')) || 0,
      canton: cell('KTKZ'),
    };
    const key = `${postcode}\t${name}`;
    if (exactKeys.has(key)) continue;
    if (row.place === name) exactKeys.add(key);
    if (!byKey.has(key) || row.place === name) byKey.set(key, row);
  }
  return [...byKey.values()]
    .sort((a, b) => a.postcode.localeCompare(b.postcode) || a.additionalDigit - b.additionalDigit || a.name.localeCompare(b.name, 'de-CH'));
}

/**
 * Loads a directory file into the `localities` table when the table is empty or the file changed
 * (its SHA-256 is kept in `meta`); otherwise leaves the table as it is.
 * @param {import('better-sqlite3').Database} db
 * @param {string} file
 * @returns {{ loaded: boolean, file: string, rows: number, sha256: string }}
 */
export function loadLocalities(db, file) {
  const content = readFileSync(file);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const stored = db.prepare("SELECT value FROM meta WHERE key = 'localities_source'").pluck().get();
  const count = () => db.prepare('SELECT count(*) FROM localities').pluck().get();
  const source = stored ? JSON.parse(stored) : undefined;
  if (source?.sha256 === sha256 && count() > 0) return { loaded: false, file: source.file, rows: count(), sha256 };

  const rows = parseLocalities(content.toString('utf8'));
  const insert = db.prepare(`INSERT INTO localities (postcode, additional_digit, name, place, municipality, municipality_number, canton)
    VALUES (@postcode, @additionalDigit, @name, @place, @municipality, @municipalityNumber, @canton)`);
  db.transaction(() => {
    db.prepare('DELETE FROM localities').run();
    for (const row of rows) insert.run(row);
    db.prepare("INSERT INTO meta (key, value) VALUES ('localities_source', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(JSON.stringify({ file: basename(file), sha256, rows: rows.length, loadedAt: new Date().toISOString() }));
  }).immediate();
  return { loaded: true, file: basename(file), rows: rows.length, sha256 };
}

/**
 * The localities of a postcode (main locality first), or an empty list.
 * @returns {{ name: string, canton: string, municipality: string }[]}
 */
export function findLocalities(db, postcode) {
  return db.prepare(`SELECT name, canton, municipality FROM localities WHERE postcode = ?
    ORDER BY additional_digit, name`).all(String(postcode));
}

/** Compares locality names as customers type them: Unicode NFC, case and runs of spaces ignored. */
export function localityKey(name) {
  return String(name).normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-CH');
}

/**
 * The directory's spelling of `locality` for `postcode`, or undefined when it is not one of the
 * postcode's localities.
 */
export function matchLocality(db, postcode, locality) {
  const wanted = localityKey(locality);
  return findLocalities(db, postcode).find((entry) => localityKey(entry.name) === wanted)?.name;
}
