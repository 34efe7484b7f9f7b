import { css } from 'lit';

export const previewStyles = css`
  :host {
    padding: var(--ffc-gap, 1rem);
    border: 1px dashed var(--ffc-border-color, #767b85);
    border-radius: var(--ffc-radius, 6px);
  }
`;
