import type { Table } from '../../table.js';
import type { botCheckWidget as en } from '../en/botCheckWidget.js';

/** Die Roboterprüfung im Formular, auf Deutsch: die Wörter des Widgets und die Meldung nach einer Ablehnung. */
export const botCheckWidget = {
  widget: {
    label: 'Prüfung gegen Roboter',
    verifying: 'Es wird geprüft, dass Sie kein Roboter sind…',
    verified: 'Roboterprüfung abgeschlossen',
    verificationRequired: 'Warten Sie, bis die Roboterprüfung abgeschlossen ist.',
    waitAlert: 'Prüfung läuft… bitte warten.',
    error: 'Die Roboterprüfung ist fehlgeschlagen. Versuchen Sie es erneut.',
    expired: 'Die Roboterprüfung ist abgelaufen. Sie beginnt von vorn.',
    loading: 'Wird geladen…',
    reload: 'Neu starten',
    verify: 'Prüfen',
    cancel: 'Abbrechen',
    enterCode: 'Code eingeben',
    enterCodeAria: 'Geben Sie den gehörten Code ein. Drücken Sie die Leertaste, um den Ton abzuspielen.',
    enterCodeFromImage: 'Geben Sie zum Fortfahren den Code aus dem Bild unten ein.',
    getAudioChallenge: 'Code stattdessen anhören',
  },
  refused: 'Die Roboterprüfung muss erneut erfolgen. Sie startet von selbst: Senden Sie das Formular, sobald sie als abgeschlossen angezeigt wird.',
  insecure: 'Diese Seite ist nicht sicher (HTTPS): Die Roboterprüfung kann hier nicht laufen, und das Formular lässt sich von hier nicht senden. Bitte geben Sie dem Team der Website Bescheid.',
} satisfies Table<typeof en>;
