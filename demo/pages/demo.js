// Demo page behaviour: the language switcher, a log of the events the page receives, and the forwarding request
// form (everything shown as text).
for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    document.documentElement.lang = button.dataset.lang;
  });
}

const log = document.getElementById('event-log');

function logEvent(event, detail = '') {
  const item = document.createElement('li');
  const source = event.target.id ? `#${event.target.id}` : event.target.localName;
  item.textContent = `${new Date().toLocaleTimeString()} ${event.type} from ${source}${detail}`;
  log.prepend(item);
}

const names = [
  ...['ready', 'sign-in', 'sign-out', 'session-expired', 'error'].map((name) => `post-login-${name}`),
  ...['shown', 'started', 'linked', 'dismissed', 'error'].map((name) => `swissid-link-banner-${name}`),
  ...['save', 'error'].map((name) => `address-picker-${name}`),
];
for (const type of names) {
  document.addEventListener(type, (event) => {
    const profile = event.profile ? ` – ${event.profile.name} (${event.profile.accountType ?? '…'})` : '';
    const code = event.code ? ` – ${event.code}` : '';
    const action = event.action ? ` while ${event.action === 'load' ? 'loading' : 'saving'}` : '';
    const saved = event.addressId ? ` – address ${event.addressId} ${event.created ? 'added' : 'changed'}` : '';
    logEvent(event, `${profile}${code}${action}${saved}`);
  });
}

// The forwarding request: the picker is a form field like the dates. Instead of sending, show what would be sent.
const form = document.getElementById('forwarding-form');
const result = document.getElementById('forwarding-result');
const start = document.getElementById('forwarding-start');
const end = document.getElementById('forwarding-end');

const today = new Date();
start.min = new Date(today.getTime() - today.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
start.addEventListener('change', () => {
  end.min = start.value || start.min;
});

form.addEventListener('change', (event) => {
  if (event.target.localName === 'address-picker') logEvent(event, ` – value ${event.target.value}`);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const entries = [...new FormData(form)].map(([name, value]) => `${name} = ${typeof value === 'string' ? value : value.name}`);
  result.textContent = entries.join('\n');
});

form.addEventListener('reset', () => {
  result.textContent = '(not submitted yet)';
  end.min = '';
});
