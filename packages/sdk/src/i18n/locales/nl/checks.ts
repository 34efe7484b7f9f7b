import type { Table } from '../../table.js';
import type { checks as en } from '../en/checks.js';

/** De teksten van de controles van een opgeslagen aanvraag (btw-nummer bij VIES, SIRET in het register), voor de backoffice. */
export const checks = {
  title: 'Bedrijfscontroles',
  vatTitle: 'Controle van het btw-nummer (VIES)',
  vat: {
    pending: 'Btw-controle in afwachting',
    valid: 'Btw-nummer geldig',
    invalid: 'Btw-nummer ongeldig',
    unavailable: 'VIES niet beschikbaar',
    'not-applicable': 'Geen btw-nummer te controleren',
  },
  vatFilter: 'Btw-controle',
  checkedAt: 'Gecontroleerd op {date}',
  consultationNumber: 'VIES-raadplegingsnummer',
  registeredName: 'Bij VIES geregistreerde naam',
  registeredAddress: 'Bij VIES geregistreerd adres',
  retrying: 'VIES heeft voor dit land niet geantwoord; de controle wordt automatisch herhaald.',
  retriesOver: 'VIES heeft voor dit land niet geantwoord en de automatische herhalingen zijn voorbij: gebruik „Opnieuw controleren” om het opnieuw te vragen.',
  requesterRefused: 'VIES weigert de aanvrager die deze server opgeeft (de instelling VIES_REQUESTER): geen btw-nummer kan worden gecontroleerd tot de beheerder die corrigeert. De controle wordt niet herhaald; gebruik „Opnieuw controleren” na de correctie.',
  nameMismatch: 'De bij VIES geregistreerde naam, ‘{name}’, wijkt af van de ingevulde bedrijfsnaam.',
  siretTitle: 'Controle van het SIRET-nummer (handelsregister)',
  siret: {
    pending: 'Registercontrole in afwachting',
    open: 'Vestiging actief',
    closed: 'Vestiging gesloten',
    'not-found': 'SIRET niet in het register',
    unavailable: 'Register niet beschikbaar',
    'not-applicable': 'Geen SIRET-nummer te controleren',
  },
  registerName: 'Naam in het handelsregister',
  closedWarning: 'Volgens het handelsregister is deze vestiging gesloten.',
  checkAgain: 'Opnieuw controleren',
  checkedAgain: 'De controles zijn opnieuw uitgevoerd.',
} satisfies Table<typeof en>;
