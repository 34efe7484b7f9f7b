import { css, unsafeCSS } from 'lit';
import type { CSSResult } from 'lit';

// The rules shared by both render modes. Class names carry an `arf-` prefix because in
// light-DOM mode they live in the page, next to the page's own `.error` or `.field`.
// Logical properties only, so right-to-left pages mirror the layout.
// Fields have no transition: an invalid field's border turns red at once, with its message. A
// border-color transition on every field made an empty submit compute each invalid field's
// style twice (before and after the change): 21 -> 16 ms of main thread at 20 fields.
// The hiding of the honeypot and of text for screen readers is `!important` inside the layer:
// in light DOM no page rule, important or not, can bring them into sight.
// `overflow-wrap: anywhere` on the root is inherited by every text (labels, legends, help,
// errors, options, the summary, the lookups): one long word breaks rather than widen the form
// past a narrow screen (WCAG 1.4.10 Reflow).
const rules = css`
  .arf-root {
    font-family: var(--arf-font, inherit);
    font-size: var(--arf-font-size, 1rem);
    line-height: 1.5;
    color: var(--arf-color-text, #1f2328);
    overflow-wrap: anywhere;
  }
  .arf-loading {
    min-block-size: var(--arf-loading-min-height, 24rem);
    color: var(--arf-color-muted, #57606a);
  }
  .arf-form {
    display: grid;
    gap: var(--arf-spacing, 1rem);
    margin: 0;
  }
  .arf-legend,
  .arf-help {
    margin: 0;
    color: var(--arf-color-muted, #57606a);
    font-size: 0.875em;
  }
  .arf-field {
    display: grid;
    gap: calc(var(--arf-spacing, 1rem) / 4);
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .arf-label {
    font-weight: 600;
    padding: 0;
  }
  .arf-marker {
    color: var(--arf-color-error, #b3261e);
  }
  .arf-input {
    box-sizing: border-box;
    inline-size: 100%;
    max-inline-size: var(--arf-input-max-width, 36rem);
    padding-block: 0.5em;
    padding-inline: 0.75em;
    font: inherit;
    color: inherit;
    background: var(--arf-color-background, #fff);
    border: 1px solid var(--arf-color-border, #6e7781);
    border-radius: var(--arf-radius, 0.375rem);
  }
  textarea.arf-input {
    resize: vertical;
  }
  .arf-input[aria-invalid='true'],
  .arf-choice[aria-invalid='true'] {
    border-color: var(--arf-color-error, #b3261e);
    outline: 1px solid var(--arf-color-error, #b3261e);
  }
  .arf-options {
    display: grid;
    gap: calc(var(--arf-spacing, 1rem) / 4);
  }
  .arf-option {
    display: flex;
    align-items: start;
    gap: 0.5em;
  }
  .arf-option .arf-label {
    font-weight: normal;
  }
  .arf-choice {
    margin: 0;
    margin-block-start: 0.25em;
    inline-size: 1.125em;
    block-size: 1.125em;
    accent-color: var(--arf-color-accent, #1d4ed8);
  }
  .arf-error {
    color: var(--arf-color-error, #b3261e);
    font-weight: 600;
  }
  .arf-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--arf-spacing, 1rem);
    align-items: center;
  }
  .arf-button {
    font: inherit;
    font-weight: 600;
    padding-block: 0.625em;
    padding-inline: 1.25em;
    border: 1px solid var(--arf-color-accent, #1d4ed8);
    border-radius: var(--arf-radius, 0.375rem);
    background: var(--arf-color-accent, #1d4ed8);
    color: var(--arf-color-accent-text, #fff);
    cursor: pointer;
  }
  .arf-button.arf-secondary {
    background: transparent;
    color: var(--arf-color-accent, #1d4ed8);
  }
  .arf-button[aria-disabled='true'] {
    opacity: 0.65;
    cursor: not-allowed;
  }
  .arf-input:focus-visible,
  .arf-choice:focus-visible,
  .arf-button:focus-visible,
  .arf-confirmation:focus-visible {
    outline: var(--arf-focus-ring, 3px solid #1d4ed8);
    outline-offset: 2px;
  }
  .arf-status,
  .arf-config-error {
    margin: 0;
  }
  .arf-status[data-tone='error'],
  .arf-config-error {
    color: var(--arf-color-error, #b3261e);
  }
  .arf-confirmation {
    padding-block: var(--arf-spacing, 1rem);
  }
  .arf-vh,
  .arf-hp {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  @media (prefers-reduced-motion: no-preference) {
    .arf-button {
      transition:
        border-color 0.15s ease,
        background-color 0.15s ease;
    }
    .arf-button[aria-busy='true'] {
      animation: arf-pulse 1.2s ease-in-out infinite;
    }
  }
`;

// @keyframes cannot nest inside a style rule, so it stays top-level in both modes.
const keyframes = css`
  @keyframes arf-pulse {
    50% {
      opacity: 0.6;
    }
  }
`;

/** Styles of the shadow-DOM mode. */
export const shadowStyles: CSSResult = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  ${rules}
  ${keyframes}
`;

/**
 * Styles of the light-DOM mode for the tag `tagName`: the same rules scoped under the tag,
 * inside a cascade layer so any unlayered page rule wins whatever its specificity.
 * Slotted content (`success`, `disabled`) cannot be projected without a shadow root, so
 * those children are shown or hidden from the element's `data-state` instead.
 */
export function lightDomStyles(tagName: string): CSSResult {
  // A custom element name (lowercase letters, digits, dashes): safe as a selector.
  const tag = unsafeCSS(tagName);
  return css`
    @layer account-request-form {
      ${keyframes}
      ${tag}[light-dom] {
        display: block;
        ${rules}
        & > [slot='success'],
        & > [slot='disabled'] {
          display: none;
        }
        &[data-state='succeeded'] > [slot='success'],
        &[data-state='disabled'] > [slot='disabled'] {
          display: block;
        }
      }
      ${tag}[light-dom][hidden] {
        display: none;
      }
    }
  `;
}

const lightSheets = new Map<string, CSSStyleSheet>();

/**
 * Adds the light-DOM styles of `element`'s tag to the document (or shadow root) holding it,
 * once. Constructed style sheets are not inline styles, so a strict `style-src` allows them.
 */
export function adoptLightDomStyles(element: HTMLElement): void {
  const root = element.getRootNode();
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  const tag = element.localName;
  let sheet = lightSheets.get(tag);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(lightDomStyles(tag).cssText);
    lightSheets.set(tag, sheet);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
