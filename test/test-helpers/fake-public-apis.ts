// Local stand-ins for the three public services of issue 14, on one node:http server on
// loopback, answering in each service's documented format (public-api-formats.ts). Point the
// adapters (or the demo's COMPANY_DIRECTORY_URL, VIES_URL and ADDRESS_API_URL) at
// `companyUrl`, `viesUrl` and `addressUrl`. Faults are queued per service and consumed one
// per request: error statuses, 429, malformed or cut bodies, and answers that never come.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { addressBody, FAKE_ADDRESSES, FAKE_COMPANIES, rechercheBody, viesBody, type FakeAddress, type FakeCompany, type FakeViesAnswer } from './public-api-formats.js';

export * from './public-api-formats.js';

/** The three fake services. */
export type FakeService = 'company' | 'vies' | 'address';

/**
 * A fault one request of a service meets instead of the normal answer: an HTTP status with a
 * JSON error body (`status`), a 429 with `Retry-After`, a 200 whose body is HTML (`malformed`)
 * or cut short (`truncated`), an answer held `delayMs` (`slow`), or none at all until the
 * server closes (`hang`).
 */
export type FakeFault =
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'rate-limited'; readonly retryAfter?: number }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'truncated' }
  | { readonly kind: 'slow'; readonly delayMs: number }
  | { readonly kind: 'hang' };

/** One request a fake received: what the service saw (the privacy tests read it). */
export interface FakeRequest {
  readonly service: FakeService;
  readonly method: string;
  /** Path and query string. */
  readonly url: string;
  readonly body: string;
}

export interface FakePublicApis {
  /** Base URL of the fake company search (`{companyUrl}/search?q=`). */
  readonly companyUrl: string;
  /** Base URL of the fake VIES REST API (`{viesUrl}/check-vat-number`). */
  readonly viesUrl: string;
  /** Base URL of the fake address API (`{addressUrl}/search/?q=`). */
  readonly addressUrl: string;
  /** Every request received, oldest first. */
  readonly requests: FakeRequest[];
  /** The companies the company search knows (default: FAKE_COMPANIES). */
  readonly companies: FakeCompany[];
  /** The addresses the address API knows (default: FAKE_ADDRESSES). */
  readonly addresses: FakeAddress[];
  /**
   * What VIES answers for `vatNumber` (compact, prefix included): one answer per request in
   * order, the last one repeated. Unknown numbers are `invalid`.
   */
  vies(vatNumber: string, ...answers: FakeViesAnswer[]): void;
  /** Queues faults for the next requests of `service`, one per request. */
  fail(service: FakeService, ...faults: FakeFault[]): void;
  /** How many requests `service` received. */
  count(service: FakeService): number;
  /** Forgets requests, faults and VIES scripts (companies and addresses stay). */
  reset(): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/html' : 'application/json', ...headers });
  response.end(text);
}

/** Starts the fakes on 127.0.0.1 (a free port). */
export async function startFakePublicApis(): Promise<FakePublicApis> {
  const requests: FakeRequest[] = [];
  const faults: Record<FakeService, FakeFault[]> = { company: [], vies: [], address: [] };
  const scripts = new Map<string, FakeViesAnswer[]>();
  const companies: FakeCompany[] = Object.values(FAKE_COMPANIES);
  const addresses: FakeAddress[] = [...FAKE_ADDRESSES];
  const sockets = new Set<Socket>();
  const held = new Set<ServerResponse>();

  const answer = (service: FakeService, url: URL, body: string, response: ServerResponse): void => {
    if (service === 'company') {
      const q = (url.searchParams.get('q') ?? '').replace(/\s/g, '');
      if (q.length < 3) return send(response, 400, { erreur: 'Veuillez indiquer au moins un paramètre de recherche.' });
      const found = companies.filter((company) => company.siret === q || company.siret.slice(0, 9) === q || (company.siegeSiret ?? '') === q);
      return send(response, 200, rechercheBody(found));
    }
    if (service === 'vies') {
      let input: { countryCode: string; vatNumber: string; requesterMemberStateCode?: string; requesterNumber?: string };
      try {
        input = JSON.parse(body) as typeof input;
      } catch {
        return send(response, 400, { actionSucceed: false, errorWrappers: [{ error: 'INVALID_INPUT', message: 'not JSON' }] });
      }
      const script = scripts.get(`${input.countryCode}${input.vatNumber}`);
      const next = script && script.length > 1 ? script.shift()! : (script?.[0] ?? { kind: 'invalid' as const });
      const [status, json] = viesBody(input, next, new Date());
      return send(response, status, json);
    }
    const q = url.searchParams.get('q') ?? '';
    const limit = Number(url.searchParams.get('limit') ?? '5');
    if (q.trim().length < 3 || q.length > 200 || !/^[\p{L}\p{N}]/u.test(q.trim())) {
      return send(response, 400, { code: 400, message: 'q must contain between 3 and 200 chars and start with a number or a letter' });
    }
    return send(response, 200, addressBody(q, Number.isInteger(limit) && limit > 0 ? limit : 5, addresses));
  };

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://fake.invalid');
      const body = await readBody(request);
      const service: FakeService | undefined = url.pathname === '/company/search' ? 'company' : url.pathname === '/vies/check-vat-number' ? 'vies' : url.pathname === '/address/search/' ? 'address' : undefined;
      if (!service) return send(response, 404, { error: 'not found' });
      requests.push({ service, method: request.method ?? 'GET', url: `${url.pathname}${url.search}`, body });
      const fault = faults[service].shift();
      if (fault?.kind === 'hang') {
        held.add(response);
        return;
      }
      if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault?.kind === 'status') return send(response, fault.status, { error: 'fake failure', status: fault.status });
      if (fault?.kind === 'rate-limited') return send(response, 429, { error: 'Too Many Requests' }, { 'Retry-After': String(fault.retryAfter ?? 1) });
      if (fault?.kind === 'malformed') return send(response, 200, '<html><body>Maintenance</body></html>');
      if (fault?.kind === 'truncated') {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        return response.end('{"results": [{"siren": "7328');
      }
      answer(service, url, body, response);
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    companyUrl: `${origin}/company`,
    viesUrl: `${origin}/vies`,
    addressUrl: `${origin}/address`,
    requests,
    companies,
    addresses,
    vies(vatNumber, ...answers) {
      scripts.set(vatNumber, [...answers]);
    },
    fail(service, ...more) {
      faults[service].push(...more);
    },
    count(service) {
      return requests.filter((request) => request.service === service).length;
    },
    reset() {
      requests.length = 0;
      for (const list of Object.values(faults)) list.length = 0;
      scripts.clear();
    },
    async close() {
      for (const response of held) response.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
