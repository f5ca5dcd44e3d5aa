// The demo data of the reference backend: the sign-ins `npm start` prints, the older Post logins
// and their accounts, and the demo customers with their addresses. Pure data, no imports: the
// database seeds from it, and the backend and browser tests take e-mails and passwords from it.

/** Demo accounts printed by `npm start` and used by the tests. */
export const DEMO_ACCOUNTS = Object.freeze([
  {
    id: 'a1b2c3d4-0001-4000-8000-000000000001',
    email: 'anna.muster@example.ch',
    password: 'Anna-Demo-2026',
    givenName: 'Anna',
    familyName: 'Muster',
    accountType: 'private',
    role: 'customer',
    company: null,
    description: 'private customer',
  },
  {
    id: 'a1b2c3d4-0002-4000-8000-000000000002',
    email: 'marc.keller@example.ch',
    password: 'Marc-Demo-2026',
    givenName: 'Marc',
    familyName: 'Keller',
    accountType: 'business',
    role: 'superadmin',
    company: 'Keller Logistik AG',
    description: 'business superadministrator, Keller Logistik AG',
  },
  {
    id: 'a1b2c3d4-0003-4000-8000-000000000003',
    email: 'lea.rossi@example.ch',
    password: 'Lea-Demo-2026',
    givenName: 'Lea',
    familyName: 'Rossi',
    accountType: 'business',
    role: 'user',
    company: 'Keller Logistik AG',
    description: 'business user, Keller Logistik AG',
  },
].map((account) => Object.freeze(account)));

/**
 * SwissID identities with no Post customer account of their own (SwissID sign-in only): one already
 * linked to an older Post login, two fresh ones to link an older login to, and Claudia Weber's, to link both of her
 * older logins to (one SwissID, all accounts).
 */
export const DEMO_SWISSID_IDENTITIES = Object.freeze([
  {
    id: 'a1b2c3d4-0004-4000-8000-000000000004',
    email: 'sara.meier@example.ch',
    password: 'Sara-Demo-2026',
    givenName: 'Sara',
    familyName: 'Meier',
    description: 'SwissID already linked to the older Post login sara.post@example.ch',
  },
  {
    id: 'a1b2c3d4-0005-4000-8000-000000000005',
    email: 'new.swissid@example.ch',
    password: 'New-Demo-2026',
    givenName: 'Nora',
    familyName: 'Neuhaus',
    description: 'SwissID with no Post account yet: link an older Post login to it',
  },
  {
    id: 'a1b2c3d4-0006-4000-8000-000000000006',
    email: 'fresh.swissid@example.ch',
    password: 'Fresh-Demo-2026',
    givenName: 'Felix',
    familyName: 'Frisch',
    description: 'a second SwissID with no Post account yet',
  },
  {
    id: 'a1b2c3d4-0007-4000-8000-000000000007',
    email: 'claudia.swissid@example.ch',
    password: 'ClaudiaID-Demo-2026',
    givenName: 'Claudia',
    familyName: 'Weber',
    description: "Claudia Weber's SwissID, no Post account of its own: link both of her older Post logins to it",
  },
].map((identity) => Object.freeze(identity)));

/**
 * Older Post customer logins (user name = e-mail) with the customer accounts they give access to.
 * `linkedTo` is the SwissID subject the login is already linked to (seeded with `linkedAt`).
 */
export const DEMO_POST_LOGINS = Object.freeze([
  {
    id: 'b1b2c3d4-0001-4000-8000-000000000001',
    email: 'peter.invited@example.ch',
    password: 'Peter-Demo-2026',
    givenName: 'Peter',
    familyName: 'Brunner',
    invited: true,
    linkedTo: null,
    linkedAt: null,
    accounts: [
      { id: 'c1b2c3d4-0001-4000-8000-000000000001', email: 'peter.invited@example.ch', accountType: 'private', role: 'customer', company: null },
    ],
    description: 'older Post login, invited by e-mail, not linked; one private account',
  },
  {
    id: 'b1b2c3d4-0002-4000-8000-000000000002',
    email: 'nina.notinvited@example.ch',
    password: 'Nina-Demo-2026',
    givenName: 'Nina',
    familyName: 'Baumann',
    invited: false,
    linkedTo: null,
    linkedAt: null,
    accounts: [
      { id: 'c1b2c3d4-0002-4000-8000-000000000002', email: 'nina.notinvited@example.ch', accountType: 'private', role: 'customer', company: null },
    ],
    description: 'older Post login, not invited, not linked (starts from "My profile"); one private account',
  },
  {
    id: 'b1b2c3d4-0003-4000-8000-000000000003',
    email: 'sara.post@example.ch',
    password: 'SaraPost-Demo-2026',
    givenName: 'Sara',
    familyName: 'Meier',
    invited: true,
    linkedTo: 'a1b2c3d4-0004-4000-8000-000000000004',
    linkedAt: '2025-10-06T08:30:00.000Z',
    accounts: [
      { id: 'c1b2c3d4-0003-4000-8000-000000000003', email: 'sara.post@example.ch', accountType: 'private', role: 'customer', company: null },
    ],
    description: 'older Post login already linked to the SwissID sara.meier@example.ch; one private account',
  },
  {
    id: 'b1b2c3d4-0004-4000-8000-000000000004',
    email: 'thomas.both@example.ch',
    password: 'Thomas-Demo-2026',
    givenName: 'Thomas',
    familyName: 'Both',
    invited: true,
    linkedTo: null,
    linkedAt: null,
    accounts: [
      { id: 'c1b2c3d4-0004-4000-8000-000000000004', email: 'thomas.both@example.ch', accountType: 'private', role: 'customer', company: null },
      { id: 'c1b2c3d4-0005-4000-8000-000000000005', email: 'thomas@both-treuhand.ch', accountType: 'business', role: 'superadmin', company: 'Both Treuhand GmbH' },
    ],
    description: 'older Post login, invited, not linked; a private and a business account (Both Treuhand GmbH, superadmin)',
  },
  {
    id: 'b1b2c3d4-0005-4000-8000-000000000005',
    email: 'claudia.weber@example.ch',
    password: 'Claudia-Demo-2026',
    givenName: 'Claudia',
    familyName: 'Weber',
    invited: true,
    linkedTo: null,
    linkedAt: null,
    accounts: [
      { id: 'c1b2c3d4-0006-4000-8000-000000000006', email: 'claudia.weber@example.ch', accountType: 'private', role: 'customer', company: null },
    ],
    description: "Claudia Weber's private older Post login, invited, not linked (Bern); link it to claudia.swissid@example.ch",
  },
  {
    id: 'b1b2c3d4-0006-4000-8000-000000000006',
    email: 'c.weber@weber-design.ch',
    password: 'Weber-Demo-2026',
    givenName: 'Claudia',
    familyName: 'Weber',
    invited: true,
    linkedTo: null,
    linkedAt: null,
    accounts: [
      { id: 'c1b2c3d4-0007-4000-8000-000000000007', email: 'c.weber@weber-design.ch', accountType: 'business', role: 'superadmin', company: 'Weber Design GmbH' },
    ],
    description: "Claudia Weber's business older Post login (Weber Design GmbH, superadmin, Zürich), invited, not linked; link it to the same SwissID",
  },
].map((login) => Object.freeze({ ...login, accounts: Object.freeze(login.accounts.map((a) => Object.freeze(a))) })));

/**
 * Every demo sign-in, for `npm start` to print: which provider, e-mail, password, what it shows.
 * @type {ReadonlyArray<{ provider: 'swissid'|'post', email: string, password: string, description: string }>}
 */
export const DEMO_LOGINS = Object.freeze([
  ...DEMO_ACCOUNTS.map(({ email, password, description }) => ({ provider: 'swissid', email, password, description })),
  ...DEMO_SWISSID_IDENTITIES.map(({ email, password, description }) => ({ provider: 'swissid', email, password, description })),
  ...DEMO_POST_LOGINS.map(({ email, password, description }) => ({ provider: 'post', email, password, description })),
].map((login) => Object.freeze(/** @type {const} */ (login))));

/** The online services an online-services address may serve. */
export const ADDRESS_SERVICES = Object.freeze(['forwarding', 'po-box', 'sub-address', 'power-of-attorney']);

const address = (fields) => ({ name: null, company: null, coName: null, street: null, houseNumber: null, poBox: null, ...fields });

/**
 * Demo customers and their addresses (postcodes that are in the shipped sample directory and in
 * the official one). A private customer may have 1 online-services address, a business 3; Anna is at
 * her limit. A business customer's addresses are shared by all its accounts, and every one of them (Marc the
 * superadministrator and Lea the user alike) may change them; with `managedBy: 'administrator'` its users agree the
 * address with the superadministrator first. Customers of the older Post logins have a billing address and no
 * online-services address yet.
 */
export const DEMO_CUSTOMERS = Object.freeze([
  {
    id: 'd1b2c3d4-0001-4000-8000-000000000001',
    type: 'private',
    company: null,
    maxOnline: 1,
    managedBy: 'self',
    accounts: ['a1b2c3d4-0001-4000-8000-000000000001'],
    billing: { id: 'e1b2c3d4-0001-4000-8000-000000000001', ...address({ name: 'Anna Muster', street: 'Kramgasse', houseNumber: '12', postcode: '3000', locality: 'Bern' }) },
    online: [
      { id: 'e1b2c3d4-0002-4000-8000-000000000002', services: ADDRESS_SERVICES, ...address({ name: 'Anna Muster', coName: 'Beat Muster', street: 'Länggassstrasse', houseNumber: '7a', postcode: '3000', locality: 'Bern' }) },
    ],
    description: 'Anna: billing + 1 online-services address (all services); private limit 1 reached',
  },
  {
    id: 'd1b2c3d4-0002-4000-8000-000000000002',
    type: 'business',
    company: 'Keller Logistik AG',
    maxOnline: 3,
    managedBy: 'administrator',
    accounts: ['a1b2c3d4-0002-4000-8000-000000000002', 'a1b2c3d4-0003-4000-8000-000000000003'],
    billing: { id: 'e1b2c3d4-0003-4000-8000-000000000003', ...address({ company: 'Keller Logistik AG', street: 'Hardturmstrasse', houseNumber: '101', postcode: '8000', locality: 'Zürich' }) },
    online: [
      { id: 'e1b2c3d4-0004-4000-8000-000000000004', services: ADDRESS_SERVICES, ...address({ company: 'Keller Logistik AG', street: 'Hardturmstrasse', houseNumber: '101', poBox: '2040', postcode: '8000', locality: 'Zürich' }) },
      { id: 'e1b2c3d4-0005-4000-8000-000000000005', services: ['forwarding'], ...address({ company: 'Keller Logistik AG', coName: 'Lager Aarau', street: 'Industriestrasse', houseNumber: '8', postcode: '5000', locality: 'Aarau' }) },
    ],
    description: 'Keller Logistik AG (Marc superadmin, Lea user): billing + 2 of 3 online-services addresses, managed by the administrator',
  },
  ...[
    ['0003', 'c1b2c3d4-0001-4000-8000-000000000001', { name: 'Peter Brunner', street: 'Via Nassa', houseNumber: '5', postcode: '6900', locality: 'Lugano' }],
    ['0004', 'c1b2c3d4-0002-4000-8000-000000000002', { name: 'Nina Baumann', street: 'Rue de Carouge', houseNumber: '18', postcode: '1200', locality: 'Genève' }],
    ['0005', 'c1b2c3d4-0003-4000-8000-000000000003', { name: 'Sara Meier', poBox: '318', postcode: '4000', locality: 'Basel' }],
    ['0006', 'c1b2c3d4-0004-4000-8000-000000000004', { name: 'Thomas Both', street: 'Multergasse', houseNumber: '2', postcode: '9000', locality: 'St. Gallen' }],
  ].map(([n, accountId, fields]) => ({
    id: `d1b2c3d4-${n}-4000-8000-00000000${n}`,
    type: 'private',
    company: null,
    maxOnline: 1,
    managedBy: 'self',
    accounts: [accountId],
    billing: { id: `e1b2c3d4-1${n.slice(1)}-4000-8000-000000001${n.slice(1)}`, ...address(fields) },
    online: [],
    description: `${fields.name}: billing address only`,
  })),
  {
    id: 'd1b2c3d4-0007-4000-8000-000000000007',
    type: 'business',
    company: 'Both Treuhand GmbH',
    maxOnline: 3,
    managedBy: 'administrator',
    accounts: ['c1b2c3d4-0005-4000-8000-000000000005'],
    billing: { id: 'e1b2c3d4-1007-4000-8000-000000001007', ...address({ company: 'Both Treuhand GmbH', coName: 'Thomas Both', street: 'Rue de Lausanne', houseNumber: '45', postcode: '1700', locality: 'Fribourg' }) },
    online: [],
    description: 'Both Treuhand GmbH (Thomas superadmin): billing address only',
  },
  {
    id: 'd1b2c3d4-0008-4000-8000-000000000008',
    type: 'private',
    company: null,
    maxOnline: 1,
    managedBy: 'self',
    accounts: ['c1b2c3d4-0006-4000-8000-000000000006'],
    billing: { id: 'e1b2c3d4-1008-4000-8000-000000001008', ...address({ name: 'Claudia Weber', street: 'Spitalgasse', houseNumber: '4', postcode: '3000', locality: 'Bern' }) },
    online: [],
    description: 'Claudia Weber (private): billing address only',
  },
  {
    id: 'd1b2c3d4-0009-4000-8000-000000000009',
    type: 'business',
    company: 'Weber Design GmbH',
    maxOnline: 3,
    managedBy: 'administrator',
    accounts: ['c1b2c3d4-0007-4000-8000-000000000007'],
    billing: { id: 'e1b2c3d4-1009-4000-8000-000000001009', ...address({ company: 'Weber Design GmbH', street: 'Langstrasse', houseNumber: '21', postcode: '8000', locality: 'Zürich' }) },
    online: [],
    description: 'Weber Design GmbH (Claudia superadmin): billing address only',
  },
].map((customer) => Object.freeze(customer)));
