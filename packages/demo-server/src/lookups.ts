import {
  createApiAdresseSearch, createCheckRunner, createRechercheEntreprisesDirectory, createViesChecker, isCheckStore,
  type CheckOptions, type LookupOptions, type ProcessingStore, type VatChecker,
} from '@account-request/sdk/server';
import { maskedError, type Logger } from './logger.js';

/** The public services of the demo (issue 14), each off unless its base URL is given. */
export interface DemoLookupOptions {
  /** `COMPANY_DIRECTORY_URL`: the company search (SIRET prefill, register check of stored requests). */
  readonly companyDirectoryUrl?: string;
  /** `VIES_URL`: the VIES REST API (VAT check of stored requests; never public). */
  readonly viesUrl?: string;
  /** `ADDRESS_API_URL`: the national address API (street suggestions). */
  readonly addressApiUrl?: string;
  /** `VIES_REQUESTER`: the shop's own VAT number, so VIES answers a consultation number. */
  readonly viesRequester?: string;
  /** Retries of an unavailable check (tests shorten them); default the SDK's. */
  readonly checkBackoffMs?: (attempt: number) => number;
}

/** The lookups and checks of one demo instance. */
export interface DemoLookups {
  /** The handler's `lookups` and `checks` options. */
  readonly handlerOptions: { readonly lookups?: LookupOptions; readonly checks?: CheckOptions };
  /** Which services are on (the start-up log says it, without their URLs). */
  readonly on: { readonly company: boolean; readonly vat: boolean; readonly address: boolean };
  /** One run of the due checks (one at a time; a failure is logged and waits for the next tick). */
  run(): Promise<void>;
  /** Resolves when no run is in progress. */
  idle(): Promise<void>;
}

/**
 * The adapters of the demo's public services: the company directory answers the public prefill
 * route and checks the SIRET of stored requests, VIES checks their VAT number, the address API
 * answers the street suggestions. One directory instance (one cache) serves both its uses. A
 * store without the check methods gets the public lookups only.
 */
export function setupDemoLookups(store: ProcessingStore, options: DemoLookupOptions, logger: Logger): DemoLookups {
  const company = options.companyDirectoryUrl ? createRechercheEntreprisesDirectory({ baseUrl: options.companyDirectoryUrl }) : undefined;
  const address = options.addressApiUrl ? createApiAdresseSearch({ baseUrl: options.addressApiUrl }) : undefined;
  const vies = options.viesUrl ? createViesChecker({ baseUrl: options.viesUrl, ...(options.viesRequester ? { requester: options.viesRequester } : {}) }) : undefined;
  const vat = vies ? warnWhenRefused(vies, logger) : undefined;
  const checkStore = isCheckStore(store) ? store : undefined;
  const checks: CheckOptions | undefined =
    checkStore && (vat || company) ? { ...(vat ? { vat } : {}), ...(company ? { company } : {}), ...(options.checkBackoffMs ? { backoffMs: options.checkBackoffMs } : {}) } : undefined;
  const runner = checkStore && checks ? createCheckRunner({ store: checkStore, ...checks }) : undefined;
  let running: Promise<void> | undefined;
  const run = (): Promise<void> =>
    runner
      ? (running ??= runner.run().then(
          (report) => {
            if (report.done + report.retrying + report.failed > 0) logger.info({ checks: report }, 'check run');
          },
          (error: unknown) => logger.error({ error: maskedError(error) }, 'check run failed'),
        ).finally(() => (running = undefined)))
      : Promise.resolve();
  return {
    handlerOptions: {
      ...(company || address ? { lookups: { ...(company ? { company } : {}), ...(address ? { address } : {}) } } : {}),
      ...(checks ? { checks } : {}),
    },
    on: { company: company !== undefined, vat: vat !== undefined && checks !== undefined, address: address !== undefined },
    run,
    idle: async () => void (await running),
  };
}

/**
 * VIES refusing what the demo itself sends (`INVALID_REQUESTER_INFO`: `VIES_REQUESTER` is wrong)
 * fails every VAT check, and no retry or applicant can change it: only the operator can. Said
 * once per process, as every later check would say the same.
 */
function warnWhenRefused(vat: VatChecker, logger: Logger): VatChecker {
  let warned = false;
  return {
    async checkVat(vatNumber, options) {
      const answer = await vat.checkVat(vatNumber, options);
      if (answer.state === 'unavailable' && answer.final && !warned) {
        warned = true;
        logger.warn({ reason: answer.reason }, 'VIES refuses the VAT checks for good: correct VIES_REQUESTER, restart, then check the requests again');
      }
      return answer;
    },
  };
}
