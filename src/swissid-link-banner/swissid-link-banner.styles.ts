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

    .banner {
      display: grid;
      gap: 0.75rem;
      padding: var(--_space);
      border-left: 6px solid var(--_primary);
      border-radius: var(--_radius);
      background: var(--_surface);
    }

    h2,
    h3,
    p,
    ul {
      margin: 0;
    }

    h2 {
      font-size: 1.125em;
    }

    h3 {
      font-size: 1em;
    }

    ul {
      padding-left: 1.25rem;
    }

    .step {
      color: var(--_muted);
      font-size: 0.875em;
    }

    .contact {
      font-size: 0.875em;
    }
  `,
];
