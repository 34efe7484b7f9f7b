import { html, nothing, type TemplateResult } from 'lit';
import type { LookupStatus } from '../controllers/lookup-capabilities.js';
import type { Strings } from '../i18n.js';

/** The lookups the server has on (SIRET prefill, address suggestions), as the settings show them: read only. */
export function renderLookupStatus(t: Strings, status: LookupStatus): TemplateResult {
  const words = t.lookups;
  return html`<div class="lookups" part="lookups">
    <h3 id="lookups-title">${words.title}</h3>
    <p part="help">${words.help}</p>
    ${status === undefined
      ? nothing
      : status === 'unknown'
        ? html`<p data-lookups="unknown">${words.unknown}</p>`
        : html`<ul aria-labelledby="lookups-title">
            <li data-lookup="company" data-on=${String(status.company)}>${status.company ? words.companyOn : words.companyOff}</li>
            <li data-lookup="address" data-on=${String(status.address)}>${status.address ? words.addressOn : words.addressOff}</li>
          </ul>`}
  </div>`;
}
