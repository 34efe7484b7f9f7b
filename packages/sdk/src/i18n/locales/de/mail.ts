import type { Table } from '../../table.js';
import type { mail as en } from '../en/mail.js';

/** Die E-Mails auf Deutsch. */
export const mail = {
  greeting: 'Guten Tag,',
  signature: 'Ihr {site}-Team',
  confirmationSubject: 'Wir haben Ihre Anfrage für ein Geschäftskundenkonto erhalten',
  confirmationBody: [
    'Vielen Dank: Ihre Anfrage für ein Geschäftskundenkonto für {company} ist bei uns eingegangen.',
    'Unser Vertriebsteam prüft sie und meldet sich bei Ihnen, sobald sie bearbeitet ist.',
  ],
  alertSubject: 'Neue Anfrage für ein Geschäftskundenkonto: {company}',
  alertIntro: 'Eine neue Kontoanfrage wartet auf ihre Bearbeitung.',
  alertOpen: 'Anfrage öffnen',
  labels: {
    contact: 'Kontakt',
    received: 'Eingegangen am',
  },
  activationSubject: 'Aktivieren Sie Ihr Geschäftskundenkonto {site}',
  activationBody: ['Gute Nachricht: Das Geschäftskundenkonto von {company} ist eröffnet.', 'Um sich anzumelden, wählen Sie über diesen Link Ihr Passwort:'],
  activationButton: 'Passwort festlegen',
  activationExpiry: 'Dieser Link funktioniert nur einmal und ist bis zum {date} gültig.',
  activationIgnore: 'Falls Sie dieses Konto nicht beantragt haben, ignorieren Sie diese Nachricht bitte.',
} satisfies Table<typeof en>;
