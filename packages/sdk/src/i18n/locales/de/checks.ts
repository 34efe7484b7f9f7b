import type { Table } from '../../table.js';
import type { checks as en } from '../en/checks.js';

/** Die Texte der Prüfungen einer gespeicherten Anfrage (USt-IdNr. bei VIES, SIRET im Register), für das Backoffice. */
export const checks = {
  title: 'Unternehmensprüfungen',
  vatTitle: 'Prüfung der USt-IdNr. (VIES)',
  vat: {
    pending: 'USt-Prüfung ausstehend',
    valid: 'USt-IdNr. gültig',
    invalid: 'USt-IdNr. ungültig',
    unavailable: 'VIES nicht erreichbar',
    'not-applicable': 'Keine USt-IdNr. zu prüfen',
  },
  vatFilter: 'USt-Prüfung',
  checkedAt: 'Geprüft am {date}',
  consultationNumber: 'VIES-Abfragenummer',
  registeredName: 'Bei VIES eingetragener Name',
  registeredAddress: 'Bei VIES eingetragene Anschrift',
  retrying: 'VIES hat für dieses Land nicht geantwortet; die Prüfung wird automatisch wiederholt.',
  retriesOver: 'VIES hat für dieses Land nicht geantwortet, und die automatischen Wiederholungen sind beendet: Nutzen Sie „Erneut prüfen“, um erneut zu fragen.',
  requesterRefused: 'VIES lehnt den Anfragenden ab, den dieser Server angibt (seine Einstellung VIES_REQUESTER): Keine USt-IdNr. kann geprüft werden, bis der Betreiber sie korrigiert. Die Prüfung wird nicht wiederholt; nutzen Sie nach der Korrektur „Erneut prüfen“.',
  nameMismatch: 'Der bei VIES eingetragene Name „{name}“ weicht vom eingegebenen Firmennamen ab.',
  siretTitle: 'Prüfung der SIRET-Nummer (Unternehmensregister)',
  siret: {
    pending: 'Registerprüfung ausstehend',
    open: 'Niederlassung aktiv',
    closed: 'Niederlassung geschlossen',
    'not-found': 'SIRET nicht im Register',
    unavailable: 'Register nicht erreichbar',
    'not-applicable': 'Keine SIRET-Nummer zu prüfen',
  },
  registerName: 'Name im Unternehmensregister',
  closedWarning: 'Laut Unternehmensregister ist diese Niederlassung geschlossen.',
  checkAgain: 'Erneut prüfen',
  checkedAgain: 'Die Prüfungen wurden erneut ausgeführt.',
} satisfies Table<typeof en>;
