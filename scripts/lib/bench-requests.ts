/**
 * What the load benchmarks send (packages/sdk/bench/handler.bench.ts, scripts/bench-load.ts): a
 * submission that fills the checked optional fields too (SIRET, VAT number), the heaviest valid
 * path, and a fresh Idempotency-Key per request so that each one stores a new account request.
 */
import { randomUUID } from 'node:crypto';
import type { AutocannonRequest } from 'autocannon';

/** A valid submission body for the default config, with every checked field filled. */
export const BENCH_SUBMISSION = {
  values: {
    companyName: 'Établissements Martin & Fils',
    legalForm: 'SARL',
    siret: '73282932000074',
    vatNumber: 'FR40303265045',
    civility: 'Mme',
    firstName: 'Élodie',
    lastName: 'Martin',
    email: 'elodie.martin@martin-fils.example',
    phone: '+33 1 23 45 67 89',
    street: '12 rue de la République',
    postalCode: '69002',
    city: 'Lyon',
    country: 'FR',
  },
  confirmed: true,
  locale: 'fr',
} as const;

/** autocannon `setupRequest`: the request with a new `idempotency-key` header. */
export const withIdempotencyKey = (request: AutocannonRequest): AutocannonRequest => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } });
