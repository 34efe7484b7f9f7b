import type { Table } from '../../table.js';
import type { form as en } from '../en/form.js';

/** De eigen teksten van het formulier, in het Nederlands. */
export const form = {
  loading: 'Formulier wordt geladen…',
  configError: 'Dit formulier kan op dit moment niet worden weergegeven. Probeer het later opnieuw.',
  requiredLegend: 'Velden met een * zijn verplicht.',
  choose: 'Kies…',
  sending: 'Bezig met versturen…',
  retry: 'Opnieuw proberen',
  offline: 'De aanvraag kon niet worden verstuurd: u lijkt offline te zijn of de server is onbereikbaar.',
  timeout: 'De server doet er te lang over om te antwoorden.',
  serverError: 'Er is een probleem opgetreden op de server.',
  tooManyRequests: 'Er zijn te veel aanvragen verstuurd.',
  rejected: 'De server heeft de aanvraag geweigerd.',
  lost: 'Het antwoord van de server is onderweg verloren gegaan: opnieuw proberen verstuurt uw aanvraag niet twee keer.',
  kept: 'Uw invoer blijft bewaard.',
  canRetry: 'U kunt het opnieuw proberen.',
  honeypot: 'Laat dit veld leeg',
  summary: { one: '{count} veld moet worden verbeterd.', other: '{count} velden moeten worden verbeterd.' },
  retryIn: 'U kunt het over {wait} opnieuw proberen.',
  retrying: 'Nieuwe poging over {wait}…',
  retryingNow: 'Nieuwe poging…',
} satisfies Table<typeof en>;
