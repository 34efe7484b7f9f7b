import type { Table } from '../../table.js';
import type { botCheck as en } from '../en/botCheck.js';

/** Die Roboterprüfung auf Deutsch: das Widget im Formular, die Meldung nach einer Ablehnung, die Einstellung im Editor. */
export const botCheck = {
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
  setting: 'Prüfung gegen Roboter (Proof of Work)',
  settingHelp: 'Vor dem Senden löst der Browser des Besuchers eine kleine Rechenaufgabe (etwa eine Sekunde): ohne Cookie, ohne externen Dienst. Der Server braucht dafür einen Schlüssel (ALTCHA_HMAC_KEY in der Demo).',
} satisfies Table<typeof en>;
