import { css } from 'lit';
import { actions } from '../core/actions.styles.js';
import { tokens } from '../core/tokens.styles.js';

export const styles = [
  tokens,
  actions,
  css`
    :host {
      display: block;
      line-height: 1.5;
    }

    .picker,
    form,
    .conflict {
      display: grid;
      gap: 0.75rem;
    }

    p,
    address,
    fieldset {
      margin: 0;
    }

    .heading {
      font-weight: 700;
    }

    address {
      font-style: normal;
      white-space: pre-line;
    }

    .billing,
    .conflict section {
      padding: 0.75rem var(--_space);
      border-radius: var(--_radius);
      background: var(--_surface);
    }

    .note {
      color: var(--_muted);
      font-size: 0.875em;
    }

    label,
    legend {
      display: block;
      font-weight: 700;
    }

    [role='combobox'],
    input,
    select {
      width: 100%;
      min-height: 2.75rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_background);
      color: inherit;
      font: inherit;
      text-align: start;
    }

    [role='combobox']::after {
      content: '▾';
      float: right;
    }

    [aria-invalid='true'] {
      border: 2px solid var(--_error);
    }

    .error {
      color: var(--_error);
      font-size: 0.875em;
    }

    [role='listbox'] {
      position: fixed;
      left: 0;
      top: 0;
      z-index: var(--post-z-popover, 1000);
      min-width: 16rem;
      max-width: calc(100vw - 16px);
      margin: 0;
      padding: 0.25rem 0;
      overflow: auto;
      list-style: none;
      background: var(--_background);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: var(--_shadow);
    }

    [role='listbox'][hidden] {
      display: none;
    }

    [role='option'] {
      padding: 0.5rem 0.75rem;
      cursor: pointer;
    }

    [role='option'][aria-selected='true'] {
      font-weight: 700;
    }

    [role='option'].active {
      outline: 3px solid var(--_focus);
      outline-offset: -3px;
      background: var(--_surface);
    }

    .row {
      display: grid;
      grid-template-columns: 1fr 7rem;
      gap: 0.75rem;
    }

    .row.place {
      grid-template-columns: 7rem 1fr;
    }

    fieldset {
      padding: 0;
      border: 0;
    }

    fieldset label {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      font-weight: 400;
    }

    input[type='checkbox'] {
      width: 1.25rem;
      min-height: 1.25rem;
    }

    .versions {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: 0.75rem;
    }
  `,
];
