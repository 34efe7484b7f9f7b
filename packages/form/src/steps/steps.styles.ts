// Plain text, not lit's css: the chunk imports nothing the bundle holds (see steps.ts).
/**
 * The rules of steps: the progress heading and the summary of answers. The form adopts them as a constructed
 * style sheet when the chunk arrives (in its shadow root, or scoped under its tag in the page
 * in light-DOM mode): no inline style, so a strict CSP allows them.
 */
export const styles = `
  .arf-step-heading {
    display: grid;
    margin: 0;
    font-size: 1.25em;
  }
  .arf-step-heading:focus-visible {
    outline: var(--arf-focus-ring, 3px solid #1d4ed8);
    outline-offset: 2px;
  }
  .arf-progress {
    font-size: 0.7em;
    font-weight: 600;
    color: var(--arf-color-muted, #57606a);
  }
  .arf-summary {
    display: grid;
    gap: calc(var(--arf-spacing, 1rem) / 2);
    padding-block-start: var(--arf-spacing, 1rem);
    border-block-start: 1px solid var(--arf-color-border, #6e7781);
  }
  .arf-summary-step {
    margin: 0;
    font-size: 1em;
  }
  .arf-answers {
    display: grid;
    margin: 0;
  }
  .arf-answer {
    display: grid;
    grid-template-columns: minmax(8em, 1fr) 2fr auto;
    gap: 0.5em;
    padding-block: 0.375em;
    border-block-end: 1px solid var(--arf-color-border, #6e7781);
  }
  .arf-answer dt {
    font-weight: 600;
  }
  .arf-answer dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .arf-link {
    padding: 0;
    font: inherit;
    color: var(--arf-color-accent, #1d4ed8);
    text-decoration: underline;
    background: none;
    border: 0;
    cursor: pointer;
  }
  .arf-link:focus-visible {
    outline: var(--arf-focus-ring, 3px solid #1d4ed8);
    outline-offset: 2px;
  }
`;
