// `npm start`: runs the reference backend on this machine and prints where everything is.
import { DEMO_LOGINS } from './demo-data.mjs';
import { startReferenceBackend } from './index.mjs';

const port = (name, fallback) => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  if (value === 'off') return null;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) throw new Error(`${name} must be a port number or "off"`);
  return number;
};

const backend = await startReferenceBackend({
  host: process.env.HOST || 'localhost',
  swissidPort: port('SWISSID_PORT', 4001) ?? 4001,
  apiPort: port('API_PORT', 4002) ?? 4002,
  postLoginPort: port('POST_LOGIN_PORT', 4003) ?? 4003,
  demoPort: port('DEMO_PORT', 8080),
  partnerPort: port('PARTNER_PORT', 8081),
  dbFile: process.env.DB_FILE || undefined,
  quiet: process.env.QUIET === '1',
});

const { urls } = backend;
console.log(`
Reference backend running
  SwissID (OpenID provider)  ${urls.swissid}/.well-known/openid-configuration
  Older Post customer login  ${urls.postLogin}/.well-known/openid-configuration
  Account API                ${urls.api}/me
  Locality directory         ${backend.localities.file} (${backend.localities.rows} postcode/locality entries)
  Demo site                  ${urls.demo ?? '(off)'}
  Partner page               ${urls.partner ?? '(off)'}

Demo accounts (login / e-mail / password):
${DEMO_LOGINS.map((a) => `  ${(a.provider === 'post' ? 'Post login' : 'SwissID').padEnd(11)}${a.email.padEnd(28)} ${a.password.padEnd(19)} ${a.description}`).join('\n')}

Press Ctrl+C to stop.
`);

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping`);
  await backend.close();
  process.exit(0);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
