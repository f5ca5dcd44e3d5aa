// Stylesheet and script of the providers' pages (sign-in, consent, logout), served from each provider's own origin so
// that the pages need neither inline style nor inline script.

// Post yellow with dark text (contrast about 10:1), error colours from the Post signal palette.
const LOGIN_CSS = `*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,sans-serif;line-height:1.5;color:hsl(0 0% 20%);background:#f4f3f1}
body{margin:0}
.brand{background:#fc0;color:hsl(0 0% 20%);padding:.75rem 1.5rem;font-weight:700;font-size:1.25rem}
main{max-width:26rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:.25rem}
h1{font-size:1.5rem;margin:0 0 .5rem}
label{display:block;font-weight:600;margin-top:1rem}
input{display:block;width:100%;margin-top:.25rem;padding:.6rem .75rem;font:inherit;color:inherit;background:#fff;border:1px solid hsl(0 0% 40%);border-radius:.25rem}
input[aria-invalid=true]{border-color:#a51728;border-width:2px}
button{font:inherit;font-weight:600;padding:.6rem 1.25rem;border-radius:.25rem;cursor:pointer;margin-top:1.25rem}
.primary{background:#fc0;color:hsl(0 0% 20%);border:2px solid #fc0;width:100%}
.primary:hover{background:#f2c200}
.secondary{background:#fff;color:hsl(0 0% 20%);border:2px solid hsl(0 0% 20%);width:100%;margin-top:.75rem}
.abort,.allow{margin:0}
.consent{margin:.75rem 0;padding-left:1.25rem}
.consent li{margin:.25rem 0}
.note{font-size:.875rem}
:focus-visible{outline:3px solid #004976;outline-offset:2px}
.alert{background:#ffdade;color:#a51728;border-left:4px solid #a51728;padding:.75rem 1rem;margin:1rem 0 0}
.code{font-size:.875rem}
@media (prefers-reduced-motion:no-preference){button{transition:background-color .15s}}
`;

// Sends the provider's logout form at once; the visible button is the fallback.
const LOGOUT_JS = `document.getElementById('op.logoutForm')?.submit();
`;

/** @type {Record<string, { type: string, body: string }>} */
export const PROVIDER_ASSETS = {
  '/assets/login.css': { type: 'text/css; charset=utf-8', body: LOGIN_CSS },
  '/assets/logout.js': { type: 'text/javascript; charset=utf-8', body: LOGOUT_JS },
};
