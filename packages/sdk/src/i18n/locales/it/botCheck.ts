import type { Table } from '../../table.js';
import type { botCheck as en } from '../en/botCheck.js';

/** La verifica anti-robot, in italiano: il widget del modulo, il messaggio dopo un rifiuto, l’impostazione dell’editor. */
export const botCheck = {
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
  setting: 'Verifica anti-robot (prova di lavoro)',
  settingHelp: 'Prima dell’invio, il browser del visitatore risolve un piccolo calcolo (circa un secondo): nessun cookie, nessun servizio esterno. Il server deve avere una chiave (ALTCHA_HMAC_KEY nella demo).',
} satisfies Table<typeof en>;
