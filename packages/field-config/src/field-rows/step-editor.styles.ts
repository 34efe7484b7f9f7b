import { css } from 'lit';

export const stepEditorStyles = css`
  :host {
    margin-block: var(--ffc-gap, 1rem);
  }
`;
