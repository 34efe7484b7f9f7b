// The probe both pages of the page-load bench load last (`<script type="module" src="probe.js?names=…">`):
// one file, so "rendered" and "errors painted" mean the same thing on the hand-written page and
// on the element's page. The control names to wait for come in the script's query string.
export {};

/** What a page must show after an empty submit, in display order (the first gets the focus). */
interface ExpectedError {
  readonly field: string;
  readonly message: string;
}

/** When the page was rendered, in ms since navigation start (`performance.timeOrigin`). */
interface RenderedTiming {
  /** Every control in the DOM (the `bench:controls` mark). */
  readonly controls: number;
  /** The task after the next frame once every control was there: painted (the `bench:rendered` mark). */
  readonly rendered: number;
  /** The last byte of the HTML. */
  readonly responseEnd: number;
}

/**
 * Empty submit: ms from the click to every error in the DOM and the focus moved (`shown`), and
 * to the task after the frame that paints them (`painted`); or why it failed.
 */
type SubmitResult = { readonly ok: true; readonly shown: number; readonly painted: number } | { readonly ok: false; readonly problem: string };

/** One named control, to check that both pages hold the same form. */
interface ControlShape {
  readonly name: string;
  readonly tag: string;
  readonly type: string;
  readonly required: boolean;
  readonly autocomplete: string;
  readonly options: number;
}

declare global {
  interface Window {
    benchRendered: Promise<RenderedTiming>;
    benchSubmit(expected: readonly ExpectedError[]): Promise<SubmitResult>;
    benchControls(): Promise<ControlShape[]>;
  }
}

const names = (new URL(import.meta.url).searchParams.get('names') ?? '').split(',').filter(Boolean);
const host = document.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('account-request-form');

/** Where the controls are: the element's shadow root once it has rendered, else the document. */
async function formRoot(): Promise<Document | ShadowRoot | HTMLElement> {
  if (!host) return document;
  await customElements.whenDefined(host.localName);
  await host.updateComplete;
  return host.shadowRoot ?? host;
}

/**
 * Resolves in the task after the next frame: requestAnimationFrame callbacks run right before
 * the frame's style, layout and paint, and a message posted from one is handled after them.
 */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(undefined);
    });
  });
}

/** Checks `problem()` now, then once a frame, until it reports none; throws its last report after `timeoutMs`. */
async function until(problem: () => string | undefined, timeoutMs: number): Promise<void> {
  const start = performance.now();
  for (let last = problem(); last !== undefined; last = problem()) {
    if (performance.now() - start > timeoutMs) throw new Error(last);
    await new Promise(requestAnimationFrame);
  }
}

function missingControls(root: ParentNode): string | undefined {
  const present = new Set([...root.querySelectorAll('[name]')].map((control) => control.getAttribute('name')));
  const missing = names.filter((name) => !present.has(name));
  return missing.length === 0 ? undefined : `${missing.length} controls missing, first ${missing[0]}`;
}

window.benchRendered = (async () => {
  const root = await formRoot();
  await until(() => missingControls(root), 30_000);
  const controls = performance.mark('bench:controls').startTime;
  await afterNextPaint();
  const rendered = performance.mark('bench:rendered').startTime;
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return { controls, rendered, responseEnd: navigation?.responseEnd ?? Number.NaN };
})();

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** What is wrong with the errors shown, or `undefined` when exactly the expected ones are painted and the first has the focus. */
function errorProblem(root: ParentNode, expected: readonly ExpectedError[]): string | undefined {
  const invalid = new Set([...root.querySelectorAll('[aria-invalid="true"]')].map((control) => control.getAttribute('name')));
  if (invalid.size !== expected.length) return `${invalid.size} fields marked invalid, expected ${expected.length}`;
  for (const { field, message } of expected) {
    const control = root.querySelector(`[name="${CSS.escape(field)}"]`);
    if (!control || !invalid.has(field)) return `${field} is not marked invalid`;
    // A radio group is described by its fieldset, as its legend labels it.
    const described = control.getAttribute('type') === 'radio' ? control.closest('fieldset') : control;
    const ids = described?.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
    const shown = ids.some((id) => {
      const text = root.querySelector(`#${CSS.escape(id)}`);
      return text?.textContent?.includes(message) === true && text.checkVisibility();
    });
    if (!shown) return `${field} does not show "${message}" through aria-describedby`;
  }
  const focused = deepActiveElement()?.getAttribute('name');
  return focused === expected[0]?.field ? undefined : `focus is on ${focused ?? 'nothing'}, expected ${expected[0]?.field}`;
}

window.benchSubmit = async (expected) => {
  const root = await formRoot();
  const button = root.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (!button) return { ok: false, problem: 'no submit button' };
  const start = performance.now();
  button.click();
  await host?.updateComplete;
  try {
    await until(() => errorProblem(root, expected), 10_000);
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
  const shown = performance.now() - start;
  await afterNextPaint();
  return { ok: true, shown, painted: performance.now() - start };
};

window.benchControls = async () => {
  const root = await formRoot();
  return [...root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')].map((control) => ({
    name: control.name,
    tag: control.localName,
    type: control.type,
    required: control.required,
    autocomplete: control.getAttribute('autocomplete') ?? '',
    options: control instanceof HTMLSelectElement ? control.options.length : 0,
  }));
};
