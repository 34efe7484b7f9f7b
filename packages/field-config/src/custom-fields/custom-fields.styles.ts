import { css } from 'lit';

export const customFieldsStyles = css`
  ul {
    list-style: none;
    margin: 0 0 var(--ffc-gap, 1rem);
    padding: 0;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5em;
    padding-block: 0.4em;
    border-block-end: 1px solid var(--ffc-row-border-color, #dde0e5);
  }
  li .name {
    font-weight: 600;
  }
  li [part~='help'] {
    flex: 1;
    margin: 0;
  }
  .option {
    display: grid;
    grid-template-columns: 1fr 1fr 1fr auto;
    gap: 0.4em;
    margin-block-end: 0.4em;
  }
  .option-actions {
    display: flex;
    gap: 0.2em;
  }
  dialog {
    max-inline-size: min(30em, 90vw);
    border: 1px solid var(--ffc-border-color, #767b85);
    border-radius: var(--ffc-radius, 6px);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
`;
