import { css } from 'lit';

/**
 * The buttons and message regions of the elements that follow the login mask (link banner, address picker): main and
 * secondary actions, an alert region and a status region that take no room while they are empty.
 */
export const actions = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .primary,
  .secondary {
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    font-weight: 700;
  }

  .primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }

  .secondary {
    border-color: var(--_text);
    background: var(--_background);
    color: var(--_text);
  }

  .primary[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }

  /* Empty regions take no room but stay in the accessibility tree, so that what appears in them is announced. */
  .alert:empty,
  .status:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
  }

  .alert {
    padding: 0.75rem;
    border-left: 4px solid var(--_error);
    background: var(--_error-background);
    color: var(--_error);
  }
`;
