import type { Table } from '../../table.js';
import type { mail as en } from '../en/mail.js';

/** Le e-mail, in italiano. */
export const mail = {
  greeting: 'Gentile cliente,',
  signature: 'Il team di {site}',
  confirmationSubject: 'Abbiamo ricevuto la sua richiesta di account aziendale',
  confirmationBody: [
    'Grazie: abbiamo ricevuto la richiesta di apertura di un account aziendale per {company}.',
    'Il nostro team commerciale la sta esaminando e le scriverà non appena sarà stata elaborata.',
  ],
  alertSubject: 'Nuova richiesta di account aziendale: {company}',
  alertIntro: 'Una nuova richiesta di apertura account è in attesa di essere elaborata.',
  alertOpen: 'Apri la richiesta',
  labels: {
    contact: 'Referente',
    received: 'Ricevuta il',
  },
  activationSubject: 'Attivi il suo account aziendale {site}',
  activationBody: ['Buone notizie: l’account aziendale di {company} è stato aperto.', 'Per accedere, scelga la sua password tramite questo link:'],
  activationButton: 'Scegli la password',
  activationExpiry: 'Questo link funziona una sola volta, fino al {date}.',
  activationIgnore: 'Se non ha richiesto questo account, ignori questo messaggio.',
} satisfies Table<typeof en>;
