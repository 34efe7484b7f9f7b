import type { Table } from '../../table.js';
import type { botCheckWidget as en } from '../en/botCheckWidget.js';

/** De robotcontrole in het formulier, in het Nederlands: de woorden van de widget en de melding na een weigering. */
export const botCheckWidget = {
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
  insecure: 'Deze pagina is niet beveiligd (HTTPS): de robotcontrole kan hier niet draaien en het formulier kan hier niet worden verstuurd. Laat het team van de website dit alstublieft weten.',
} satisfies Table<typeof en>;
