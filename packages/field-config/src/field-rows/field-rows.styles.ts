import { css } from 'lit';

/*
 * The rows' own width, not their table's, decides the layout (and never widens the editor).
 * Narrow (a phone, 320 px: WCAG 1.4.10), the table, still a table to assistive technologies, is
 * laid out as a grid whose rows share its columns: the handle and the name on a first line, the
 * two boxes under their headers on a second (the Displayed box placed in its column, the Required
 * one follows), the condition or a step's buttons on a third. The condition's column header is
 * then left to assistive technologies: each button says what it is.
 */
export const fieldRowsStyles = css`
  :host {
    container-type: inline-size;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding-block: 0.35em;
    padding-inline: 0.5em;
    border-block-end: 1px solid var(--ffc-row-border-color, #dde0e5);
    text-align: start;
    vertical-align: middle;
  }
  thead th {
    font-size: 0.85em;
    font-weight: 600;
    color: var(--ffc-muted-color, #575c66);
  }
  thead th:nth-child(n + 3),
  td:nth-child(n + 3) {
    text-align: center;
    inline-size: 6em;
  }
  tbody th {
    font-weight: normal;
  }
  tr[part~='locked'] {
    background: var(--ffc-locked-background, #eef0f3);
    color: var(--ffc-muted-color, #575c66);
  }
  tr.drop-target {
    background: var(--ffc-drop-background, #dbe6ff);
  }
  [part~='handle'] {
    cursor: grab;
    touch-action: none;
    padding: 0.25em;
    line-height: 0;
    border-color: transparent;
    background: transparent;
  }
  [part~='handle']:hover {
    border-color: var(--ffc-border-color, #767b85);
  }
  [part~='handle'] svg {
    inline-size: 1em;
    block-size: 1em;
    fill: currentColor;
  }
  [part~='badge'] {
    margin-inline-start: 0.4em;
    padding-inline: 0.4em;
    border-radius: 1em;
    font-size: 0.8em;
    background: var(--ffc-badge-background, #e3e8f4);
    color: var(--ffc-badge-color, #243a73);
  }
  [part~='reason'] {
    display: block;
    font-size: 0.85em;
  }
  thead th.condition,
  td.condition {
    inline-size: auto;
    text-align: start;
  }
  td.condition button {
    font-size: 0.9em;
    white-space: nowrap;
  }
  [part~='condition'] {
    display: block;
    font-size: 0.85em;
    color: var(--ffc-muted-color, #575c66);
  }
  tr[part~='step'] {
    background: var(--ffc-badge-background, #e3e8f4);
    color: var(--ffc-badge-color, #243a73);
  }
  tr[part~='step'] th {
    font-weight: 600;
  }
  td.step-actions {
    inline-size: auto;
    text-align: end;
  }
  input[type='checkbox'] {
    inline-size: 1.15em;
    block-size: 1.15em;
    accent-color: var(--ffc-accent-color, #1d4ed8);
  }
  @container (max-inline-size: 40em) {
    table,
    thead,
    tbody,
    tr {
      display: grid;
      grid-template-columns: subgrid;
      grid-column: 1 / -1;
    }
    table {
      grid-template-columns: auto minmax(0, 1fr) auto auto;
    }
    tr {
      align-items: center;
      border-block-end: 1px solid var(--ffc-row-border-color, #dde0e5);
    }
    th,
    td {
      padding-inline: 0.3em;
      border: 0;
      overflow-wrap: break-word;
    }
    thead th:nth-child(n + 3),
    td:nth-child(n + 3) {
      inline-size: auto;
    }
    tbody th,
    td.step-actions,
    td.condition {
      grid-column: 2 / -1;
    }
    td:nth-child(3) {
      grid-column: 3;
    }
    thead .condition {
      position: absolute;
      clip-path: inset(50%);
    }
  }
`;
