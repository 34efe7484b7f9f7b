import { css } from 'lit';

export const formFieldConfigStyles = css`
  :host {
    container-type: inline-size;
  }
  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-block-end: 0.5em;
  }
  [part~='status'] {
    min-block-size: 1.4em;
    margin-block: 0 0.5em;
    color: var(--ffc-muted-color, #575c66);
  }
  [part~='alert']:not(:empty) {
    margin-block-end: var(--ffc-gap, 1rem);
    color: var(--ffc-error-color, #b3261e);
  }
  [part~='conflict'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5em;
  }
  [part~='conflict'] p {
    flex-basis: 100%;
    margin: 0;
  }
  [part~='layout'] {
    display: grid;
    gap: calc(2 * var(--ffc-gap, 1rem));
    align-items: start;
  }
  [part~='editor'] {
    display: grid;
    gap: calc(2 * var(--ffc-gap, 1rem));
    min-inline-size: 0;
  }
  @container (min-inline-size: 56rem) {
    :host([preview]) [part~='layout'] {
      grid-template-columns: minmax(0, 1fr) minmax(0, var(--ffc-preview-width, 26rem));
    }
    [part~='preview'] {
      position: sticky;
      inset-block-start: 0;
      max-block-size: 100vh;
      overflow: auto;
    }
  }
`;
