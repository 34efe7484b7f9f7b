import type { Table } from '../../table.js';
import type { form as en } from '../en/form.js';

/** Testi propri del modulo, in italiano. */
export const form = {
  loading: 'Caricamento del modulo…',
  configError: 'Al momento non è possibile visualizzare questo modulo. Riprovi più tardi.',
  requiredLegend: 'I campi contrassegnati da * sono obbligatori.',
  choose: 'Seleziona…',
  sending: 'Invio in corso…',
  retry: 'Riprova',
  offline: 'Non è stato possibile inviare la richiesta: sembra che non ci sia connessione o che il server non sia raggiungibile.',
  timeout: 'Il server impiega troppo tempo a rispondere.',
  serverError: 'Si è verificato un problema sul server.',
  tooManyRequests: 'Sono state inviate troppe richieste.',
  rejected: 'Il server ha rifiutato la richiesta.',
  lost: 'La risposta del server è andata persa: riprovando, la richiesta non verrà inviata due volte.',
  kept: 'I dati inseriti sono stati conservati.',
  canRetry: 'Può riprovare.',
  honeypot: 'Lasciare vuoto questo campo',
  summary: { one: '{count} campo da correggere.', other: '{count} campi da correggere.' },
  retryIn: 'Potrà riprovare tra {wait}.',
  retrying: 'Nuovo tentativo tra {wait}…',
  retryingNow: 'Nuovo tentativo…',
} satisfies Table<typeof en>;
