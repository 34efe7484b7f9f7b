import type { Table } from '../../table.js';
import type { checks as en } from '../en/checks.js';

/** Les textes des contrôles d’une demande enregistrée (TVA auprès de VIES, SIRET au répertoire), pour le back-office. */
export const checks = {
  title: 'Contrôles de l’entreprise',
  vatTitle: 'Contrôle du numéro de TVA (VIES)',
  vat: {
    pending: 'Contrôle TVA en attente',
    valid: 'Numéro de TVA valide',
    invalid: 'Numéro de TVA invalide',
    unavailable: 'VIES indisponible',
    'not-applicable': 'Aucun numéro de TVA à contrôler',
  },
  vatFilter: 'Contrôle TVA',
  checkedAt: 'Contrôlé le {date}',
  consultationNumber: 'Numéro de consultation VIES',
  registeredName: 'Nom enregistré auprès de VIES',
  registeredAddress: 'Adresse enregistrée auprès de VIES',
  retrying: 'VIES n’a pas répondu pour ce pays ; le contrôle est relancé automatiquement.',
  retriesOver: 'VIES n’a pas répondu pour ce pays et les relances automatiques sont terminées : utilisez « Contrôler à nouveau » pour redemander.',
  requesterRefused: 'VIES refuse le demandeur que ce serveur déclare (son réglage VIES_REQUESTER) : aucun numéro de TVA ne peut être contrôlé tant que l’exploitant ne l’a pas corrigé. Le contrôle n’est pas relancé ; utilisez « Contrôler à nouveau » une fois la correction faite.',
  nameMismatch: 'Le nom enregistré auprès de VIES, « {name} », diffère de la raison sociale saisie.',
  siretTitle: 'Contrôle du numéro SIRET (répertoire Sirene)',
  siret: {
    pending: 'Contrôle du répertoire en attente',
    open: 'Établissement ouvert',
    closed: 'Établissement fermé',
    'not-found': 'SIRET absent du répertoire',
    unavailable: 'Répertoire indisponible',
    'not-applicable': 'Aucun numéro SIRET à contrôler',
  },
  registerName: 'Nom au répertoire Sirene',
  closedWarning: 'Le répertoire Sirene indique que cet établissement est fermé.',
  checkAgain: 'Contrôler à nouveau',
  checkedAgain: 'Les contrôles ont été relancés.',
} satisfies Table<typeof en>;
