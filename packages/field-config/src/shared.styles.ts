import { css } from 'lit';

/**
 * Styles every internal element shares: the visually hidden utility, focus rings, the
 * look of buttons and text controls. Colours come from `--ffc-*` custom properties, which
 * inherit through the shadow roots.
 */
export const sharedStyles = css`
  :host {
    display: block;
  }
  [hidden] {
    display: none !important;
  }
  .vh {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  h2 {
    font-size: 1.125em;
    margin-block: 0 0.5em;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
  }
  button {
    cursor: pointer;
    padding-block: 0.3em;
    padding-inline: 0.8em;
    border: 1px solid var(--ffc-border-color, #767b85);
    border-radius: var(--ffc-radius, 6px);
    background: var(--ffc-surface, #fff);
    color: inherit;
  }
  button[part~='primary'] {
    background: var(--ffc-accent-color, #1d4ed8);
    border-color: var(--ffc-accent-color, #1d4ed8);
    color: var(--ffc-accent-contrast, #fff);
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    box-sizing: border-box;
    inline-size: 100%;
    padding: 0.35em 0.5em;
    border: 1px solid var(--ffc-border-color, #767b85);
    border-radius: var(--ffc-radius, 6px);
    background: var(--ffc-surface, #fff);
    color: inherit;
  }
  input[aria-invalid='true'] {
    border-color: var(--ffc-error-color, #b3261e);
  }
  :focus-visible {
    outline: 2px solid var(--ffc-accent-color, #1d4ed8);
    outline-offset: 2px;
  }
  [part~='help'] {
    margin-block: 0.2em 0;
    color: var(--ffc-muted-color, #575c66);
    font-size: 0.9em;
  }
  [part~='error'] {
    margin-block: 0.2em 0;
    color: var(--ffc-error-color, #b3261e);
    font-size: 0.9em;
  }
  .control {
    margin-block: 0 var(--ffc-gap, 1rem);
  }
  .control > label {
    display: block;
    font-weight: 600;
    margin-block-end: 0.2em;
  }
  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.5em;
    align-items: baseline;
    margin-block: 0 0.6em;
  }
  .check > [part~='help'] {
    grid-column: 2;
  }
  fieldset {
    margin: 0 0 var(--ffc-gap, 1rem);
    padding-block: 0.5em;
    padding-inline: 0.8em;
    border: 1px solid var(--ffc-border-color, #767b85);
    border-radius: var(--ffc-radius, 6px);
  }
  legend {
    font-weight: 600;
    padding-inline: 0.3em;
  }
`;

/**
 * The boxed editing form of a panel (a custom field, a step): its frame, its heading, the
 * two-column pairs of boxes and the row of buttons.
 */
export const editFormStyles = css`
  form {
    padding: var(--ffc-gap, 1rem);
    border: 1px solid var(--ffc-border-color, #767b85);
    border-radius: var(--ffc-radius, 6px);
  }
  h3 {
    margin-block: 0 0.75em;
    font-size: 1em;
  }
  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    column-gap: var(--ffc-gap, 1rem);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
`;
