// The lookups' rules, beside the form's own (`arf-` classes, logical properties, the same custom
// properties). Empty, a live region takes no room in the form's grid yet stays in the page.
// Plain text, not lit's `css`: the chunk imports nothing the bundle holds (see LookupKit).
const RULES = `
  .arf-lookup {
    display: grid;
    gap: 0.5em;
    max-inline-size: var(--arf-input-max-width, 36rem);
    padding: 0.75em;
    border: 1px solid var(--arf-color-border, #6e7781);
    border-radius: var(--arf-radius, 0.375rem);
  }
  .arf-lookup:empty,
  .arf-lookup-note:empty {
    position: absolute;
    padding: 0;
    border: 0;
  }
  .arf-lookup p,
  .arf-lookup dl,
  .arf-lookup-note p {
    margin: 0;
  }
  .arf-lookup dl {
    display: grid;
    gap: 0.25em;
  }
  .arf-lookup dt {
    font-weight: 600;
  }
  .arf-lookup dd {
    margin: 0;
  }
  .arf-lookup-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .arf-warning {
    color: var(--arf-color-warning, #7a4100);
    font-weight: 600;
  }
  .arf-suggestions {
    max-inline-size: var(--arf-input-max-width, 36rem);
    margin: 0;
    margin-block-start: calc(var(--arf-spacing, 1rem) * -0.75);
    padding: 0;
    list-style: none;
    background: var(--arf-color-background, #fff);
    border: 1px solid var(--arf-color-border, #6e7781);
    border-radius: var(--arf-radius, 0.375rem);
  }
  .arf-suggestions[hidden] {
    display: none;
  }
  .arf-suggestion {
    padding-block: 0.5em;
    padding-inline: 0.75em;
    cursor: pointer;
  }
  .arf-suggestion[aria-selected='true'] {
    background: var(--arf-color-accent, #1d4ed8);
    color: var(--arf-color-accent-text, #fff);
  }
`;

const sheets = new Map<string, CSSStyleSheet>();

function sheetFor(key: string, cssText: string): CSSStyleSheet {
  let sheet = sheets.get(key);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(cssText);
    sheets.set(key, sheet);
  }
  return sheet;
}

/**
 * Adds the lookups' rules where `element` renders: its shadow root, or (light-DOM mode) the
 * document or shadow root holding it, scoped under its tag in the form's cascade layer as its
 * other rules are. Constructed sheets, so a strict `style-src` allows them.
 */
export function adoptLookupStyles(element: HTMLElement): void {
  const shadow = element.shadowRoot;
  const root = shadow ?? element.getRootNode();
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  const tag = element.localName;
  // A custom element's name (lowercase letters, digits, dashes) is safe as a selector.
  const sheet = shadow ? sheetFor('', RULES) : sheetFor(tag, `@layer account-request-form { ${tag}[light-dom] { ${RULES} } }`);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
