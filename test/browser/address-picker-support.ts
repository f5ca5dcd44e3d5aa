/**
 * Helpers for the <address-picker> journeys: a host page with a signed-in `<post-login>` and a form with the picker,
 * the customer's typing, what the database holds (read behind the API's back), direct calls to the account API, and
 * a pass-through watch on the page's requests.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { AddressPicker, PostLogin } from '../../src/index.js';
import { FIXTURE_URL, backendUrls, waitFor, part, fixtureConfig, clearStorage } from './support.js';

/** The seeded online-services addresses (demo/server/demo-data.mjs). */
export const ADDRESS_IDS = {
  /** Anna's only one (all services). */
  anna: 'e1b2c3d4-0002-4000-8000-000000000002',
  /** Keller Logistik AG, PO box 2040, 8000 Zürich (all services). */
  kellerPoBox: 'e1b2c3d4-0004-4000-8000-000000000004',
  /** Keller Logistik AG, c/o Lager Aarau, Industriestrasse 8, 5000 Aarau (forwarding only). */
  kellerAarau: 'e1b2c3d4-0005-4000-8000-000000000005',
};

/** An address as the backend stores it (`backend-addresses`). */
export interface StoredAddress {
  id: string;
  version: number;
  name: string | null;
  company: string | null;
  coName: string | null;
  street: string | null;
  houseNumber: string | null;
  poBox: string | null;
  postcode: string;
  locality: string;
  services?: string[];
}

/** What the reference backend's database holds for the account of this login, read behind the API's back. */
export async function storedAddressesOf(email: string): Promise<{ billing: StoredAddress | null; online: StoredAddress[] }> {
  return (await executeServerCommand('backend-addresses', { email })) as never;
}

/**
 * Signs in with SwissID in a popup from the test page itself (real click, the provider's own login page), and
 * leaves the session in this origin's storage for the `<post-login>` elements the test creates next. The element
 * used to sign in is removed again. Other sessions are ended first, unless `keepSessions` (a second login on the page,
 * configured with another `clientId`).
 */
export async function signInWithPopup(
  account: { email: string; password: string },
  { clientId = 'post-login-test', keepSessions = false } = {},
): Promise<Record<string, string>> {
  if (keepSessions) await executeServerCommand('browser-clear-cookies');
  else await clearStorage();
  const config = await fixtureConfig({ flow: 'popup', 'redirect-uri': FIXTURE_URL, 'client-id': clientId });
  // The popup's landing page (the fixture) needs the same provider and client to hand the response over.
  sessionStorage.setItem('fixture:config', JSON.stringify(config));
  const login = document.createElement('post-login');
  for (const [name, value] of Object.entries(config)) login.setAttribute(name, value);
  document.body.append(login);
  try {
    await waitFor(() => part(login, 'sign-in-button'), 'the sign-in button');
    await executeServerCommand('real-click', { selector: 'post-login >> [part~="sign-in-button"]' });
    const result = (await executeServerCommand('provider-sign-in', { ...account, where: 'popup' })) as { alert: string | null };
    if (result.alert) throw new Error(`the provider refused the sign-in: ${result.alert}`);
    await waitFor(() => login.status === 'signed-in' && login.profile?.email === account.email, 'signed in');
  } finally {
    login.remove();
  }
  return config;
}

/** Forgets the edits `<address-picker>` keeps in this tab until they are saved or cancelled (a fresh tab). */
export function forgetAddressDrafts(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('post-login:customer:address-picker:draft:')) sessionStorage.removeItem(key);
}

/** An answer of the account API, called directly from the test page as any script with the token could. */
export interface ApiAnswer {
  status: number;
  body: Record<string, unknown> & { error?: string; fields?: Record<string, string> };
}

/** The browser's own fetch, taken before any test watches it: the test's direct calls are not the widget's. */
const browserFetch = window.fetch.bind(window);

/** The path of the acting account's addresses (or one of them) in the account API, as the picker asks for them. */
export function addressesPath(login: PostLogin, id?: string): string {
  if (!login.account) throw new Error('nobody is signed in, so there is no acting account');
  return `/accounts/${login.account.id}/addresses${id ? `/${id}` : ''}`;
}

export async function callAccountApi(
  method: string,
  path: string,
  { login, body, headers = {} }: { login: PostLogin; body?: unknown; headers?: Record<string, string> },
): Promise<ApiAnswer> {
  const { api } = await backendUrls();
  const url = new URL(path.replace(/^\//, ''), api.endsWith('/') ? api : `${api}/`);
  const response = await browserFetch(url, {
    method,
    headers: {
      Accept: 'application/json',
      // The login's bound access token with a proof of this browser's key, as the picker sends them.
      ...(await login.getAuthorization(method, url.href)),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

/** A request the page sent, as seen by {@link watchFetch}. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
  /** The answer (or the failure) has arrived. */
  settled: boolean;
}

/**
 * Records every request the page sends through `fetch` and passes it on unchanged to the real `fetch` (an observer,
 * not a mock). Call the returned function to stop watching.
 */
export function watchFetch(seen: SeenRequest[]): () => void {
  const realFetch = window.fetch;
  window.fetch = function watchedFetch(input: RequestInfo | URL, init?: RequestInit) {
    const url = input instanceof Request ? input.url : String(input);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const request: SeenRequest = {
      method,
      url,
      headers: Object.fromEntries(new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined))),
      body: typeof init?.body === 'string' ? init.body : null,
      settled: false,
    };
    seen.push(request);
    const answer = realFetch.call(window, input, init);
    const settle = () => {
      request.settled = true;
    };
    answer.then(settle, settle);
    return answer;
  };
  return () => {
    window.fetch = realFetch;
  };
}

/** The picker's address fields, in the order of its form. */
export const PICKER_FIELDS = ['name', 'company', 'coName', 'street', 'houseNumber', 'poBox', 'postcode', 'locality'] as const;
export type PickerField = (typeof PICKER_FIELDS)[number];

/** What the host page got from the picker, in order (the event fields a host can read). */
export interface PickerHostEvent {
  type: string;
  /** The picker's value when the event came. */
  value: string;
  addressId?: string;
  created?: boolean;
  code?: string;
  action?: string;
  diagnostic?: string;
}

/** A host page in the test page itself: `<post-login>` and a form with `<address-picker name="address">`. */
export interface PickerPage {
  login: PostLogin;
  picker: AddressPicker;
  form: HTMLFormElement;
  events: PickerHostEvent[];
  /** The host form's submissions (FormData entries). */
  submissions: Array<Array<[string, string]>>;
  /** Every request the page sent through fetch (observed, passed on). */
  requests: SeenRequest[];
}

let openPicker: { page: PickerPage; unwatch: () => void } | null = null;

/**
 * Builds the host page with the session signed in before ({@link signInWithPopup}) and waits for the addresses.
 * The host form's `submit` is recorded and not sent; the picker's events are recorded where the host listens.
 */
export async function openPickerPage(attributes: Record<string, string> = {}): Promise<PickerPage> {
  const config = JSON.parse(sessionStorage.getItem('fixture:config')!) as Record<string, string>;
  const requests: SeenRequest[] = [];
  const unwatch = watchFetch(requests);
  const login = document.createElement('post-login');
  for (const [name, value] of Object.entries(config)) login.setAttribute(name, value);
  const form = document.createElement('form');
  form.id = 'host-form';
  const picker = document.createElement('address-picker');
  picker.setAttribute('name', 'address');
  for (const [name, value] of Object.entries(attributes)) picker.setAttribute(name, value);
  const submit = document.createElement('button');
  submit.id = 'host-submit';
  submit.textContent = 'Weiter';
  form.append(picker, submit);
  const page: PickerPage = { login, picker, form, events: [], submissions: [], requests };
  openPicker = { page, unwatch };
  for (const type of ['change', 'input', 'address-picker-save', 'address-picker-remove', 'address-picker-error']) {
    form.addEventListener(type, (event) => {
      const { addressId, created, code, action, diagnostic } = event as Event & Partial<PickerHostEvent>;
      page.events.push({ type, value: picker.value, addressId, created, code, action, ...(diagnostic ? { diagnostic } : {}) });
    });
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    page.submissions.push([...new FormData(form).entries()] as Array<[string, string]>);
  });
  document.body.append(login, form);
  await waitFor(() => part(picker, 'combobox') ?? part(picker, 'message')?.textContent, 'the addresses to load');
  await picker.updateComplete;
  return page;
}

/** Removes the host page, stops watching fetch, and forgets kept edits (the next page is a fresh tab). */
export function closePickerPage(): void {
  if (!openPicker) return;
  openPicker.unwatch();
  openPicker.page.login.remove();
  openPicker.page.form.remove();
  openPicker = null;
  forgetAddressDrafts();
}

/** Text as the customer reads it (block elements apart), spaces normalized. */
export function shownText(node: Element | null | undefined): string {
  return ((node as HTMLElement | null)?.innerText ?? node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function pickerField(picker: AddressPicker, name: PickerField): HTMLInputElement | HTMLSelectElement {
  return picker.shadowRoot!.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
}

export function serviceBox(picker: AddressPicker, service: string): HTMLInputElement {
  return picker.shadowRoot!.querySelector<HTMLInputElement>(`input[name="services"][value="${service}"]`)!;
}

/** Types into a field as the customer does, with the keyboard: select what is there, type over it. */
export async function typeInto(picker: AddressPicker, name: PickerField, value: string): Promise<void> {
  const input = pickerField(picker, name) as HTMLInputElement;
  input.focus();
  input.select();
  if (value) await executeServerCommand('send-keys', { type: value });
  else if (input.value) await executeServerCommand('send-keys', { press: 'Backspace' });
  await picker.updateComplete;
}

/** Opens "add address" and types the fields in form order; `locality`: wait until the postcode filled it in. */
export async function addAddress(picker: AddressPicker, fields: Partial<Record<PickerField, string>>, locality?: string): Promise<void> {
  part(picker, 'add-button')!.click();
  await picker.updateComplete;
  for (const name of PICKER_FIELDS) if (fields[name] !== undefined) await typeInto(picker, name, fields[name]);
  if (locality) await waitFor(() => pickerField(picker, 'locality').value === locality, `the locality ${locality}`);
}

/** Everything the edit form holds right now. */
export function draftValues(picker: AddressPicker): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const name of PICKER_FIELDS) values[name] = pickerField(picker, name).value;
  values.services = [...picker.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="services"]')]
    .filter((box) => box.checked)
    .map((box) => box.value);
  return values;
}

/** The message at each field; fails unless each is linked to its field and the field is marked invalid. */
export function fieldErrors(picker: AddressPicker): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const error of picker.shadowRoot!.querySelectorAll('p.error')) {
    const name = error.id.replace(/-error$/, '');
    shown[name] = shownText(error);
    const owner = name === 'services' ? picker.shadowRoot!.querySelector('fieldset')! : pickerField(picker, name as PickerField);
    if (owner.getAttribute('aria-describedby') !== error.id) throw new Error(`the message of ${name} is not linked to it`);
    if (name !== 'services' && owner.getAttribute('aria-invalid') !== 'true') throw new Error(`${name} is not marked invalid`);
  }
  return shown;
}

/** Presses "save" (a click on the button). */
export async function pressSave(picker: AddressPicker): Promise<void> {
  part(picker, 'save-button')!.click();
  await picker.updateComplete;
}

/** Waits for the confirmation in the status region ("Die Adresse wurde gespeichert."). */
export async function waitSaved(picker: AddressPicker, saved: string): Promise<void> {
  await waitFor(() => shownText(part(picker, 'status')) === saved, 'the saved confirmation');
  await picker.updateComplete;
}

/** The address writes among the page's requests (not, say, a token renewal). */
export function writesOf(requests: SeenRequest[]): SeenRequest[] {
  return requests.filter(
    (request) => (request.method === 'PUT' || request.method === 'POST') && /^\/accounts\/[^/]+\/addresses/.test(new URL(request.url).pathname),
  );
}

/** The JSON the picker sends for an address (src/address-picker/address-api.ts), to send the API the same by hand. */
export function addressBody(values: Partial<Record<PickerField, string>>, services: string[]): Record<string, unknown> {
  const body: Record<string, unknown> = { services };
  for (const name of PICKER_FIELDS) body[name] = values[name]?.trim() || null;
  return body;
}

/**
 * What has focus inside the element, as `tag#id` (assertions on strings, not on elements: an element in a failed
 * assertion cannot be sent back to the test runner).
 */
export function focusedIn(element: Element): string {
  const focused = element.shadowRoot!.activeElement;
  return focused ? `${focused.localName}${focused.id ? `#${focused.id}` : ''}` : 'nothing';
}

/** Whether the element shows this part. */
export function hasPart(element: Element, name: string): boolean {
  return part(element, name) !== null;
}
