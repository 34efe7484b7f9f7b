import type { Table } from '../../table.js';
import type { botCheck as en } from '../en/botCheck.js';

/** De robotcontrole in het Nederlands: de widget in het formulier, de melding na een weigering, de instelling in de editor. */
export const botCheck = {
  widget: {
    label: 'Controle tegen robots',
    verifying: 'Controleren dat u geen robot bent…',
    verified: 'Robotcontrole klaar',
    verificationRequired: 'Wacht tot de robotcontrole klaar is.',
    waitAlert: 'Bezig met controleren… even geduld.',
    error: 'De robotcontrole is mislukt. Probeer het opnieuw.',
    expired: 'De robotcontrole is verlopen. Ze begint opnieuw.',
    loading: 'Laden…',
    reload: 'Opnieuw beginnen',
    verify: 'Controleren',
    cancel: 'Annuleren',
    enterCode: 'Voer de code in',
    enterCodeAria: 'Voer de code in die u hoort. Druk op Spatie om het geluid af te spelen.',
    enterCodeFromImage: 'Typ om verder te gaan de code uit de afbeelding hieronder.',
    getAudioChallenge: 'De code liever beluisteren',
  },
  refused: 'De robotcontrole moet opnieuw. Ze begint vanzelf: verstuur het formulier zodra ze aangeeft dat ze klaar is.',
  setting: 'Controle tegen robots (proof of work)',
  settingHelp: 'Voor het versturen lost de browser van de bezoeker een kleine berekening op (ongeveer een seconde): geen cookie, geen externe dienst. De server heeft er een sleutel voor nodig (ALTCHA_HMAC_KEY in de demo).',
} satisfies Table<typeof en>;
