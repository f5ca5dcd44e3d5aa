// The addresses part of the backend in one import, for test/support/backend-state.mjs (which reads and
// changes addresses behind the API's back): the queries are in db/addresses.mjs, the Swiss address
// rules in address-rules.mjs.
export { customerOfAccount, findCustomerAddress, listCustomerAddresses, updateOnlineAddress } from './db/addresses.mjs';
export { validateOnlineAddress } from './address-rules.mjs';
