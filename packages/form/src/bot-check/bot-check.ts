// The bot check's chunk (account-request-form.bot-check.js beside the single-file bundle): loaded
// only by a form whose config switches the bot check on, so other forms never download the widget.
// Only data comes from the SDK here (the tables): the registry itself is the main bundle's, handed
// over by the caller, so the bundle keeps it inside instead of splitting it into a shared chunk.
import 'altcha/external';
import type { AltchaWidgetElement } from 'altcha/types/generic';
import type { html as litHtml, TemplateResult } from 'lit';
import { botCheckWidget as de } from '@account-request/sdk/locales/de/botCheckWidget';
import { botCheckWidget as en } from '@account-request/sdk/locales/en/botCheckWidget';
import { botCheckWidget as es } from '@account-request/sdk/locales/es/botCheckWidget';
import { botCheckWidget as fr } from '@account-request/sdk/locales/fr/botCheckWidget';
import { botCheckWidget as it } from '@account-request/sdk/locales/it/botCheckWidget';
import { botCheckWidget as nl } from '@account-request/sdk/locales/nl/botCheckWidget';
import { botCheckWidget as pt } from '@account-request/sdk/locales/pt/botCheckWidget';

/** The bot check's words in the seven built-in languages, for the registry. */
export const tables = { en, fr, de, es, it, nl, pt };

/** The widget's proof-of-work worker and style sheet: files beside this chunk, served from the same origin. */
export const WORKER_FILE = 'account-request-form.altcha-worker.js';
export const STYLE_FILE = 'account-request-form.altcha.css';

// The name is kept in a variable on purpose: given `new URL('<literal>', import.meta.url)`, a
// bundler inlines the worker as a data: or blob: URL, which a strict CSP refuses (workers fall
// under script-src 'self'). A file beside the chunk is a same-origin script.
const sibling = (file: string): string => new URL(file, import.meta.url).href;

// The boot worker of each worker file on another origin, by the file's URL.
const boots = new Map<string, string>();

// The part of the Trusted Types API used here (TypeScript's DOM library does not have it; a
// global declaration would clash with a page's own @types/trusted-types).
interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
type PolicyFactory = { createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy };

/** The name of the Trusted Types policy that vouches for the worker's URL (listed in a CSP's `trusted-types`). */
export const TRUSTED_TYPES_POLICY = 'account-request-form';
const vouched = new Set<string>();
let policy: ScriptUrlPolicy | undefined;

// A page enforcing Trusted Types (`require-trusted-types-for 'script'`) takes a worker's URL only
// as a TrustedScriptURL. The policy vouches for nothing but the URLs this chunk starts workers
// from. Where there is no such API, or the page does not allow the policy, the plain URL goes.
function scriptUrl(url: string): string {
  vouched.add(url);
  try {
    policy ??= (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes?.createPolicy(TRUSTED_TYPES_POLICY, {
      createScriptURL: (candidate) => {
        if (!vouched.has(candidate)) throw new TypeError(`${TRUSTED_TYPES_POLICY}: not a bot-check worker URL`);
        return candidate;
      },
    });
  } catch {
    // A CSP listing policy names without this one: the worker is refused, as the widget then says.
  }
  return (policy?.createScriptURL(url) as string | undefined) ?? url;
}

/**
 * A worker running the widget's algorithm from the worker file. Browsers start workers only from
 * the page's origin: when the bundle comes from a CDN (another origin), a small same-origin blob:
 * worker loads the file with `importScripts`, which may cross origins (a page with a CSP then
 * lists `blob:` in `worker-src`, docs/security.md). One boot URL per worker file, kept: the widget
 * starts several workers, and each resolves the URL when it starts.
 */
export function startWorker(url: string = sibling(WORKER_FILE)): Worker {
  if (new URL(url).origin === location.origin) return new Worker(scriptUrl(url));
  let boot = boots.get(url);
  if (!boot) {
    // The boot worker inherits the page's CSP: under Trusted Types its importScripts needs a
    // policy of its own, vouching for this one URL.
    const file = JSON.stringify(url);
    const code = `const p=self.trustedTypes?.createPolicy(${JSON.stringify(TRUSTED_TYPES_POLICY)},{createScriptURL:(u)=>{if(u!==${file})throw new TypeError(u);return u}});importScripts(p?p.createScriptURL(${file}):${file});`;
    boots.set(url, (boot = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }))));
  }
  return new Worker(scriptUrl(boot));
}

// The external build of the widget has neither inline styles nor inline workers: its algorithm
// runs in the worker file, one per worker the widget starts.
globalThis.$altcha.algorithms.set('PBKDF2/SHA-256', () => startWorker());

/** The widget's style sheet, linked where the widget renders (the form's shadow root, or the page). */
export const styleUrl = sibling(STYLE_FILE);

// The widget's own configuration: no cookie, no interaction signals collected, no third-party link.
const CONFIGURATION = JSON.stringify({ hideFooter: true, humanInteractionSignature: false });

/** The bot check's words in one language (the registry's `botCheckWidget` namespace). */
export type Words = typeof en;

/**
 * The widget, in `language` (a tag), asking `challengeUrl` for challenges, built with the
 * form's own Lit (`html`, handed over: see above). The widget solves with Web Crypto, which
 * browsers give only to secure pages: on a page served over plain HTTP no solution can be had,
 * and the person is told so at once instead.
 */
export function render(html: typeof litHtml, language: string, words: Words, challengeUrl: string): TemplateResult {
  if (!globalThis.isSecureContext) return html`<p part="bot-check" class="arf-bot-check">${words.insecure}</p>`;
  globalThis.$altcha.i18n.set(language, { ...words.widget });
  return html`<link rel="stylesheet" href=${styleUrl} />
    <div part="bot-check" class="arf-bot-check">
      <altcha-widget challenge=${challengeUrl} auto="onload" name="altcha" language=${language} configuration=${CONFIGURATION}></altcha-widget>
    </div>`;
}

/** What to say after the server refused a solution (on a page that is not secure, why none can pass). */
export function refusedText(words: Words): string {
  return globalThis.isSecureContext ? words.refused : words.insecure;
}

// The widget keeps its solution in a hidden input named after it (`name="altcha"`).
const payloadOf = (widget: Element): string | undefined => widget.querySelector<HTMLInputElement>('input[type="hidden"]')?.value || undefined;

/**
 * The widget's solution: at once when it is done, else once its work (started, or restarted
 * when it failed or expired) is over; `undefined` when it cannot be had.
 */
export async function solution(widget: AltchaWidgetElement): Promise<string | undefined> {
  if (widget.getState() === 'verifying') {
    await new Promise<void>((resolve) => {
      const done = (event: Event): void => {
        if ((event as CustomEvent<{ state: string }>).detail.state === 'verifying') return;
        widget.removeEventListener('statechange', done);
        resolve();
      };
      widget.addEventListener('statechange', done);
    });
  }
  if (widget.getState() === 'verified') return payloadOf(widget);
  return (await widget.verify())?.payload ?? undefined;
}

/** After the server refused the solution: a new challenge, solved at once. */
export function redo(widget: AltchaWidgetElement): void {
  widget.reset();
  void widget.verify();
}
