import type { Table } from '../../table.js';
import type { botCheckWidget as en } from '../en/botCheckWidget.js';

/** La verifica anti-robot nel modulo, in italiano: le parole del widget e il messaggio dopo un rifiuto. */
export const botCheckWidget = {
  widget: {
    label: 'Verifica anti-robot',
    verifying: 'Verifica che non siate un robot…',
    verified: 'Verifica anti-robot completata',
    verificationRequired: 'Attendete la fine della verifica anti-robot.',
    waitAlert: 'Verifica in corso… attendere.',
    error: 'La verifica anti-robot non è riuscita. Riprovate.',
    expired: 'La verifica anti-robot è scaduta. Ricomincia.',
    loading: 'Caricamento…',
    reload: 'Ricomincia',
    verify: 'Verifica',
    cancel: 'Annulla',
    enterCode: 'Inserite il codice',
    enterCodeAria: 'Inserite il codice che sentite. Premete Spazio per ascoltare il suono.',
    enterCodeFromImage: 'Per continuare, inserite il codice dell’immagine qui sotto.',
    getAudioChallenge: 'Ascolta il codice invece',
  },
  refused: 'La verifica anti-robot va rifatta. Ricomincia da sola: inviate il modulo quando indica che è completata.',
  insecure: 'Questa pagina non è sicura (HTTPS): la verifica anti-robot non può essere eseguita e il modulo non può essere inviato da qui. Segnalatelo al team del sito, per favore.',
} satisfies Table<typeof en>;
