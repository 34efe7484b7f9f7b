import { css } from 'lit';

export const fieldRowsStyles = css`
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
`;
