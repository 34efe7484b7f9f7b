import { css } from 'lit';

export const stepEditorStyles = css`
  :host {
    margin-block: var(--ffc-gap, 1rem);
  }
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
