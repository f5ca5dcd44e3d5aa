import { css } from 'lit';
import { tokens } from '../core/tokens.styles.js';

export const styles = [
  tokens,
  css`
    :host {
      display: block;
      line-height: 1.5;
    }

    .mask {
      display: grid;
      gap: calc(var(--_space) * 0.75);
      padding: var(--_space);
      background: var(--_background);
      border: 1px solid var(--_surface);
      border-radius: var(--_radius);
    }

    .heading {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
    }

    .title {
      margin: 0;
      font-size: 1.25em;
      font-weight: 700;
    }

    .intro {
      margin: 0;
      color: var(--_muted);
    }

    .primary {
      min-height: 2.75rem;
      padding: 0.625rem 1.25rem;
      border: 2px solid var(--_primary);
      border-radius: var(--_radius);
      background: var(--_primary);
      color: var(--_on-primary);
      font-weight: 700;
    }

    .primary:hover {
      border-color: var(--_on-primary);
    }

    .primary[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.8;
    }

    .secondary,
    .icon-button {
      min-height: 2.75rem;
      padding: 0.5rem 1rem;
      border: 2px solid var(--_text);
      border-radius: var(--_radius);
      background: var(--_background);
      color: var(--_text);
    }

    .icon-button {
      min-width: 2.75rem;
      padding: 0.25rem 0.625rem;
      font-weight: 700;
    }

    .alert {
      display: grid;
      gap: 0.5rem;
      padding: 0.75rem;
      border-left: 4px solid var(--_error);
      background: var(--_error-background);
      color: var(--_error);
    }

    .alert p,
    .status {
      margin: 0;
    }

    .alert .hint {
      color: var(--_text);
    }

    .alert button {
      justify-self: start;
    }

    .popover {
      position: fixed;
      left: 0;
      top: 0;
      z-index: var(--post-z-popover, 1000);
      width: max-content;
      max-width: min(26rem, calc(100vw - 16px));
      overflow: auto;
      padding: var(--_space);
      background: var(--_background);
      color: var(--_text);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: var(--_shadow);
    }

    .popover[hidden] {
      display: none;
    }

    .popover h3 {
      margin: 0.75rem 0 0.25rem;
      font-size: 1em;
    }

    .popover p {
      margin: 0 0 0.5rem;
    }

    .popover a {
      color: var(--_accent);
      font-weight: 700;
    }

    .popover-heading {
      display: flex;
      justify-content: space-between;
      align-items: start;
      gap: 0.5rem;
    }

    .popover-title {
      margin: 0;
      font-size: 1.125em;
      font-weight: 700;
    }

    .account {
      display: flex;
      justify-content: flex-end;
    }

    .user-button {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
      padding: 0.25rem 0.75rem 0.25rem 0.25rem;
      border: 2px solid var(--_text);
      border-radius: 999px;
      background: var(--_background);
      color: var(--_text);
    }

    .avatar {
      width: 2rem;
      height: 2rem;
      padding: 0.25rem;
      border-radius: 50%;
      background: var(--_primary);
      fill: var(--_on-primary);
    }

    .legacy {
      display: grid;
      gap: 0.25rem;
      padding-top: 0.5rem;
      border-top: 1px solid var(--_surface);
    }

    .legacy-hint {
      margin: 0;
      color: var(--_muted);
      font-size: 0.875em;
    }

    .legacy-sign-in {
      justify-self: start;
    }

    .last-used {
      display: block;
      font-size: 0.75em;
      font-weight: 400;
    }

    .user-menu dl {
      display: grid;
      gap: 0.25rem;
      margin: 0 0 0.75rem;
    }

    .user-menu dt {
      font-weight: 700;
    }

    .user-menu dd {
      margin: 0 0 0.25rem;
      overflow-wrap: anywhere;
    }

    .who {
      display: grid;
      text-align: start;
    }

    .acting,
    .account-email {
      color: var(--_muted);
      font-size: 0.8125em;
    }

    .accounts-title {
      margin: 0 0 0.25rem;
      font-weight: 700;
    }

    .accounts {
      display: grid;
      gap: 0.25rem;
      margin: 0 0 0.75rem;
      padding: 0;
      list-style: none;
    }

    .account-choice {
      display: grid;
      width: 100%;
      padding: 0.5rem 0.75rem;
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_background);
      color: var(--_text);
      text-align: start;
      overflow-wrap: anywhere;
    }

    .account-choice[aria-current='true'] {
      border-color: var(--_text);
      font-weight: 700;
    }

    .user-menu .status:not(:empty) {
      margin: 0 0 0.75rem;
    }
  `,
];
