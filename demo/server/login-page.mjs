// HTML of the SwissID stand-in's pages. Every dynamic value goes through escapeHtml; no inline
// script or style, so the pages run under the strict policy in PAGE_CSP.
import { escapeHtml } from './http-util.mjs';
import { STRINGS } from './provider-strings.mjs';

// No form-action: the sign-in POST redirects on to the client's redirect_uri, which form-action would block.
export const PAGE_CSP = "default-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors *";

/** @param {import('./provider-strings.mjs').Language} lang */
function layout(lang, title, body, { scripts = [] } = {}) {
  const t = STRINGS[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${escapeHtml(t.brand)}</title>
<link rel="stylesheet" href="/assets/login.css">
${scripts.map((src) => `<script src="${escapeHtml(src)}" defer></script>`).join('\n')}
</head>
<body>
<header class="brand"><span class="brand-name">${escapeHtml(t.brand)}</span></header>
<main>
${body}
</main>
</body>
</html>
`;
}

/**
 * The sign-in form. With `failed`, the e-mail stays in its field and the message is announced
 * and tied to both fields.
 * @param {{ lang: import('./provider-strings.mjs').Language, uid: string, clientName?: string, email?: string, failed?: boolean }} input
 */
export function renderLoginPage({ lang, uid, clientName, email = '', failed = false }) {
  const t = STRINGS[lang];
  const base = `/interaction/${encodeURIComponent(uid)}`;
  const intro = clientName ? t.loginIntroClient.replace('{client}', clientName) : t.loginIntro;
  const describedBy = failed ? ' aria-describedby="login-error" aria-invalid="true"' : '';
  const body = `<h1>${escapeHtml(t.loginTitle)}</h1>
<p>${escapeHtml(intro)}</p>
${failed ? `<p id="login-error" class="alert" role="alert">${escapeHtml(t.wrongCredentials)}</p>` : ''}
<form method="post" action="${base}/login" class="login">
<label for="email">${escapeHtml(t.email)}</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(email)}"${describedBy}${failed ? '' : ' autofocus'}>
<label for="password">${escapeHtml(t.password)}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}${failed ? ' autofocus' : ''}>
<button type="submit" class="primary">${escapeHtml(t.submit)}</button>
</form>
<form method="post" action="${base}/abort" class="abort">
<button id="cancel" type="submit" class="secondary">${escapeHtml(t.cancel)}</button>
</form>`;
  return layout(lang, t.loginTitle, body);
}

/**
 * RP-initiated logout confirmation: /assets/logout.js submits the provider's form at once; the
 * button stays for browsers without script.
 * @param {import('./provider-strings.mjs').Language} lang
 * @param {string} providerForm the provider's own form (carries the xsrf value)
 */
export function renderLogoutPage(lang, providerForm) {
  const t = STRINGS[lang];
  // logout=yes ends the SwissID session itself too, not only the client's part of it.
  const form = providerForm.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
  const body = `<h1>${escapeHtml(t.logoutTitle)}</h1>
<p>${escapeHtml(t.logoutText)}</p>
${form}
<button type="submit" form="op.logoutForm" class="primary">${escapeHtml(t.logoutButton)}</button>`;
  return layout(lang, t.logoutTitle, body, { scripts: ['/assets/logout.js'] });
}

/** @param {import('./provider-strings.mjs').Language} lang */
export function renderLoggedOutPage(lang) {
  const t = STRINGS[lang];
  return layout(lang, t.loggedOutTitle, `<h1>${escapeHtml(t.loggedOutTitle)}</h1>
<p>${escapeHtml(t.loggedOutText)}</p>`);
}

/**
 * @param {import('./provider-strings.mjs').Language} lang
 * @param {string} [code] OAuth error code, shown as text for support
 */
export function renderErrorPage(lang, code) {
  const t = STRINGS[lang];
  return layout(lang, t.errorTitle, `<h1>${escapeHtml(t.errorTitle)}</h1>
<p>${escapeHtml(t.errorText)}</p>
${code ? `<p class="code">${escapeHtml(t.errorCode)}: <code>${escapeHtml(code)}</code></p>` : ''}`);
}
