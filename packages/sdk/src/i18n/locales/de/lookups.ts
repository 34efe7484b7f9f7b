import type { Table } from '../../table.js';
import type { lookups as en } from '../en/lookups.js';

/** Die Texte der Unternehmens- und Adresssuche im Formular, auf Deutsch. */
export const lookups = {
  found: 'Wir haben dieses Unternehmen im französischen Unternehmensregister gefunden.',
  offer: 'Die Unternehmensangaben mit diesen Daten ausfüllen?',
  registeredOffice: 'Firmensitz',
  accept: 'Ausfüllen',
  decline: 'Nein, danke',
  replace: 'Dies ersetzt Ihre Eingaben in: {fields}. Ersetzen?',
  replaceAccept: 'Ersetzen',
  replaceKeep: 'Meine Eingaben behalten',
  filled: { one: '{count} Feld wurde ausgefüllt.', other: '{count} Felder wurden ausgefüllt.' },
  closed: 'Laut Register ist diese Niederlassung geschlossen. Bitte prüfen Sie die SIRET-Nummer; Sie können Ihre Anfrage dennoch absenden.',
  vatOffer: 'Ihre USt-IdNr. müsste {vat} lauten. Übernehmen?',
  vatAccept: 'Diese Nummer übernehmen',
  warnings: {
    vat_siren_mismatch: 'Diese USt-IdNr. passt nicht zur SIRET-Nummer (Unternehmensnummer {siren}). Bitte prüfen Sie beide; Sie können Ihre Anfrage dennoch absenden.',
  },
  suggestionsLabel: 'Adressvorschläge',
  suggestions: {
    one: '{count} Adressvorschlag. Mit den Pfeiltasten nach oben und unten auswählen.',
    other: '{count} Adressvorschläge. Mit den Pfeiltasten nach oben und unten auswählen.',
  },
  noSuggestion: 'Kein Adressvorschlag.',
  addressFilled: 'Straße, Postleitzahl und Ort wurden ausgefüllt.',
} satisfies Table<typeof en>;
