import { AddressPicker as AddressPickerElement } from '../address-picker/index.js';
import { createWrapper } from './create-wrapper.js';

/**
 * `<address-picker>` for React. Registers the element. Props are its properties (`for`, `service`, `name`, `value`,
 * `required`, `disabled`, `timeout`, `headingLevel`, `texts`); `onChange` and `onInput` get the native events it fires
 * when the customer chooses (`event.currentTarget.value` is the chosen id), `onSave`, `onRemove` and `onError` its own.
 */
export const AddressPicker = createWrapper('address-picker', AddressPickerElement, 'AddressPicker', {
  onChange: 'change',
  onInput: 'input',
  onSave: 'address-picker-save',
  onRemove: 'address-picker-remove',
  onError: 'address-picker-error',
});
