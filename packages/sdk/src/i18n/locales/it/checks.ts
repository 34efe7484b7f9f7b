import type { Table } from '../../table.js';
import type { checks as en } from '../en/checks.js';

/** I testi delle verifiche di una richiesta registrata (partita IVA su VIES, SIRET nel registro), per il back office. */
export const checks = {
  title: 'Verifiche sull’impresa',
  vatTitle: 'Verifica della partita IVA (VIES)',
  vat: {
    pending: 'Verifica IVA in attesa',
    valid: 'Partita IVA valida',
    invalid: 'Partita IVA non valida',
    unavailable: 'VIES non disponibile',
    'not-applicable': 'Nessuna partita IVA da verificare',
  },
  vatFilter: 'Verifica IVA',
  checkedAt: 'Verificata il {date}',
  consultationNumber: 'Numero di consultazione VIES',
  registeredName: 'Nome registrato presso VIES',
  registeredAddress: 'Indirizzo registrato presso VIES',
  retrying: 'VIES non ha risposto per questo paese; la verifica viene ripetuta automaticamente.',
  retriesOver: 'VIES non ha risposto per questo paese e i tentativi automatici sono terminati: usi «Verifica di nuovo» per chiedere ancora.',
  requesterRefused: 'VIES rifiuta il richiedente dichiarato da questo server (la sua impostazione VIES_REQUESTER): nessuna partita IVA può essere verificata finché il gestore non la corregge. La verifica non viene ripetuta; usi «Verifica di nuovo» dopo la correzione.',
  nameMismatch: 'Il nome registrato presso VIES, «{name}», è diverso dalla ragione sociale inserita.',
  siretTitle: 'Verifica del numero SIRET (registro delle imprese)',
  siret: {
    pending: 'Verifica nel registro in attesa',
    open: 'Sede attiva',
    closed: 'Sede chiusa',
    'not-found': 'SIRET assente dal registro',
    unavailable: 'Registro non disponibile',
    'not-applicable': 'Nessun numero SIRET da verificare',
  },
  registerName: 'Nome nel registro delle imprese',
  closedWarning: 'Secondo il registro delle imprese questa sede è chiusa.',
  checkAgain: 'Verifica di nuovo',
  checkedAgain: 'Le verifiche sono state ripetute.',
} satisfies Table<typeof en>;
