import type { Table } from '../../table.js';
import type { lookups as en } from '../en/lookups.js';

/** De teksten van het zoeken naar bedrijf en adres in het formulier, in het Nederlands. */
export const lookups = {
  found: 'We hebben dit bedrijf gevonden in het Franse handelsregister.',
  offer: 'De bedrijfsgegevens met deze informatie invullen?',
  registeredOffice: 'Maatschappelijke zetel',
  accept: 'Invullen',
  decline: 'Nee, bedankt',
  replace: 'Dit vervangt wat u hebt ingevuld bij: {fields}. Vervangen?',
  replaceAccept: 'Vervangen',
  replaceKeep: 'Mijn invoer behouden',
  filled: { one: '{count} veld is ingevuld.', other: '{count} velden zijn ingevuld.' },
  closed: 'Volgens het register is deze vestiging gesloten. Controleer het SIRET-nummer; u kunt uw aanvraag toch versturen.',
  vatOffer: 'Uw btw-nummer zou {vat} moeten zijn. Dit gebruiken?',
  vatAccept: 'Dit nummer gebruiken',
  warnings: {
    vat_siren_mismatch: 'Dit btw-nummer past niet bij het SIRET-nummer (ondernemingsnummer {siren}). Controleer beide; u kunt uw aanvraag toch versturen.',
  },
  suggestionsLabel: 'Adressuggesties',
  suggestions: {
    one: '{count} adressuggestie. Kies met de pijltjestoetsen omhoog en omlaag.',
    other: '{count} adressuggesties. Kies met de pijltjestoetsen omhoog en omlaag.',
  },
  noSuggestion: 'Geen adressuggestie.',
  addressFilled: 'Straat, postcode en plaats zijn ingevuld.',
} satisfies Table<typeof en>;
