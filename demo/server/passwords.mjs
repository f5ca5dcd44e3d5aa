// Password hashing with scrypt and a per-account salt: the database never holds a password in clear.
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

// Node's default scrypt cost (N=2^14, r=8, p=1) keeps seeding and sign-in fast on a small machine.
const PARAMS = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** Hashes a password into `scrypt$N$r$p$salt$hash` (salt and hash base64url). */
export function hashPassword(password) {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, KEY_LENGTH, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** A hash no password matches: checked when there is no such account, so that an unknown e-mail costs a hash too. */
const UNKNOWN_ACCOUNT_HASH = hashPassword('no account has this password');

/**
 * Checks a password against a stored hash in constant time; without a stored hash (no such account), against one
 * that nothing matches, at the same cost, so the answer time does not reveal which e-mails exist.
 * @param {unknown} password
 * @param {string|undefined} stored
 * @returns {Promise<boolean>}
 */
export async function verifyPassword(password, stored) {
  const [scheme, N, r, p, saltText, hashText] = String(stored ?? UNKNOWN_ACCOUNT_HASH).split('$');
  if (scheme !== 'scrypt' || !saltText || !hashText) return false;
  const expected = Buffer.from(hashText, 'base64url');
  const actual = await new Promise((resolve, reject) => {
    scrypt(String(password), Buffer.from(saltText, 'base64url'), expected.length, { N: +N, r: +r, p: +p }, (err, key) => (err ? reject(err) : resolve(key)));
  });
  return timingSafeEqual(expected, /** @type {Buffer} */ (actual));
}
