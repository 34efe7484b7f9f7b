import type { Table } from '../../table.js';
import type { lookups as en } from '../en/lookups.js';

/** I testi della ricerca di impresa e di indirizzo del modulo, in italiano. */
export const lookups = {
  found: 'Abbiamo trovato questa impresa nel registro francese delle imprese.',
  offer: 'Compilare i dati dell’impresa con queste informazioni?',
  registeredOffice: 'Sede legale',
  accept: 'Compila',
  decline: 'No, grazie',
  replace: 'Questo sostituisce quanto inserito in: {fields}. Sostituire?',
  replaceAccept: 'Sostituisci',
  replaceKeep: 'Mantieni i miei dati',
  filled: { one: '{count} campo è stato compilato.', other: '{count} campi sono stati compilati.' },
  closed: 'Secondo il registro questa sede è chiusa. Verifichi il numero SIRET; può comunque inviare la richiesta.',
  vatOffer: 'La sua partita IVA dovrebbe essere {vat}. Utilizzarla?',
  vatAccept: 'Utilizza questo numero',
  warnings: {
    vat_siren_mismatch: 'Questa partita IVA non corrisponde al numero SIRET (numero d’impresa {siren}). Verifichi entrambi; può comunque inviare la richiesta.',
  },
  suggestionsLabel: 'Suggerimenti di indirizzo',
  suggestions: {
    one: '{count} suggerimento di indirizzo. Usi le frecce su e giù per scegliere.',
    other: '{count} suggerimenti di indirizzo. Usi le frecce su e giù per scegliere.',
  },
  noSuggestion: 'Nessun suggerimento di indirizzo.',
  addressFilled: 'Via, CAP e città sono stati compilati.',
} satisfies Table<typeof en>;
