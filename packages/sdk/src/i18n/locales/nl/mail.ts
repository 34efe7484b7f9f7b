import type { Table } from '../../table.js';
import type { mail as en } from '../en/mail.js';

/** De e-mails, in het Nederlands. */
export const mail = {
  greeting: 'Beste klant,',
  signature: 'Het team van {site}',
  confirmationSubject: 'We hebben uw aanvraag voor een zakelijke account ontvangen',
  confirmationBody: [
    'Dank u: we hebben de aanvraag voor een zakelijke account voor {company} goed ontvangen.',
    'Ons verkoopteam bekijkt de aanvraag en laat u iets weten zodra die is verwerkt.',
  ],
  alertSubject: 'Nieuwe aanvraag voor een zakelijke account: {company}',
  alertIntro: 'Er wacht een nieuwe accountaanvraag op verwerking.',
  alertOpen: 'Aanvraag openen',
  labels: {
    contact: 'Contactpersoon',
    received: 'Ontvangen op',
  },
  activationSubject: 'Activeer uw zakelijke account {site}',
  activationBody: ['Goed nieuws: de zakelijke account van {company} is geopend.', 'Kies via deze link uw wachtwoord om in te loggen:'],
  activationButton: 'Mijn wachtwoord kiezen',
  activationExpiry: 'Deze link werkt één keer, tot {date}.',
  activationIgnore: 'Hebt u deze account niet aangevraagd? Dan kunt u dit bericht negeren.',
} satisfies Table<typeof en>;
