// validateSubmission throughput on a full submission: all 24 catalog fields displayed, every
// value valid (the slowest path: each field runs its whole chain of checks).
// Run: node --import tsx packages/sdk/bench/validate.bench.ts
import { FIELD_CATALOG, parseConfig, validateSubmission } from '../src/index.js';

const config = parseConfig({ fields: FIELD_CATALOG.map(({ id }) => ({ id, displayed: true, required: true })) });

const body = {
  values: {
    companyName: 'Établissements Martin & Fils',
    legalForm: 'SARL',
    siret: '732 829 320 00074',
    vatNumber: 'FR40303265045',
    civility: 'Mme',
    firstName: 'Élodie',
    lastName: 'Martin',
    position: 'Responsable des achats',
    department: 'Achats',
    email: 'elodie.martin@martin-fils.fr',
    phone: '+33 1 23 45 67 89',
    mobile: '06 12 34 56 78',
    fax: '01 23 45 67 80',
    website: 'https://www.martin-fils.fr',
    street: '12 rue de la République',
    addressComplement: 'Bâtiment B, 2e étage',
    poBox: 'BP 42',
    postalCode: '69002',
    city: 'Lyon',
    country: 'FR',
    remarks: 'Nous souhaitons ouvrir un compte professionnel.\nMerci de nous recontacter.',
    password: 'correct horse battery staple',
    newsletter: true,
    partnerOffers: true,
  },
  confirmed: true,
  locale: 'fr',
};

const first = validateSubmission(config, body, { locale: 'fr' });
if (!first.success) throw new Error(`benchmark body is invalid: ${JSON.stringify(first.errors)}`);
if (Object.keys(first.data.values).length !== FIELD_CATALOG.length) throw new Error('benchmark body does not fill every field');

// Run ~1 s, counting validations; the median of 5 runs smooths out GC and JIT warm-up.
function run(): number {
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < 1000) {
    for (let i = 0; i < 100; i++) validateSubmission(config, body, { locale: 'fr' });
    ops += 100;
    elapsed = performance.now() - start;
  }
  return (ops * 1000) / elapsed;
}

run(); // warm-up
const runs = Array.from({ length: 5 }, run).sort((a, b) => a - b);
console.log(`validateSubmission: ${Math.round(runs[2] ?? 0)} ops/s (median of 5)`);
