// Plain text, not lit's css: the chunk imports nothing the bundle holds (see uploads.ts).
/**
 * The rules of file fields: the input and the list of chosen files. The form adopts them as a constructed
 * style sheet when the chunk arrives (in its shadow root, or scoped under its tag in the page
 * in light-DOM mode): no inline style, so a strict CSP allows them.
 */
export const styles = `
  .arf-file-input {
    padding-block: 0.375em;
  }
  .arf-files {
    display: grid;
    gap: 0.25em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .arf-file-item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .arf-file-name {
    overflow-wrap: anywhere;
  }
  .arf-file-size {
    color: var(--arf-color-muted, #57606a);
  }
  .arf-button.arf-small {
    padding-block: 0.25em;
    padding-inline: 0.75em;
  }
  .arf-file-again {
    color: var(--arf-color-text, #1f2328);
    font-weight: 600;
  }
`;
