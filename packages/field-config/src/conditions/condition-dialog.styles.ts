import { css } from 'lit';

export const conditionDialogStyles = css`
  dialog {
    inline-size: min(40rem, calc(100vw - 2rem));
    max-block-size: calc(100vh - 2rem);
    padding: var(--ffc-gap, 1rem);
    border: 1px solid var(--ffc-border-color, #767b85);
    border-radius: var(--ffc-radius, 6px);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  h3 {
    margin-block: 0 var(--ffc-gap, 1rem);
    font-size: 1.05em;
  }
  .radios .check {
    margin-block-end: 0.3em;
  }
  .values .choices {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12em, 1fr));
    column-gap: 1em;
  }
  .values.long .choices {
    max-block-size: 14em;
    overflow-y: auto;
    padding-inline-end: 0.5em;
  }
  .eu {
    margin-block-end: 0.5em;
  }
  .current {
    font-style: italic;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-block-start: var(--ffc-gap, 1rem);
  }
`;
