import type { Table } from '../../table.js';
import type { lookups as en } from '../en/lookups.js';

/** Les textes des recherches d’entreprise et d’adresse du formulaire, en français. */
export const lookups = {
  found: 'Nous avons trouvé cette entreprise dans le répertoire Sirene.',
  offer: 'Remplir les informations de l’entreprise avec ces données ?',
  registeredOffice: 'Siège social',
  accept: 'Remplir',
  decline: 'Non merci',
  replace: 'Cela remplace ce que vous avez saisi dans : {fields}. Remplacer ?',
  replaceAccept: 'Remplacer',
  replaceKeep: 'Garder mes saisies',
  filled: { one: '{count} champ a été rempli.', other: '{count} champs ont été remplis.' },
  closed: 'Le répertoire indique que cet établissement est fermé. Vérifiez le numéro SIRET ; vous pouvez tout de même envoyer votre demande.',
  vatOffer: 'Votre numéro de TVA intracommunautaire devrait être {vat}. L’utiliser ?',
  vatAccept: 'Utiliser ce numéro',
  warnings: {
    vat_siren_mismatch: 'Ce numéro de TVA ne correspond pas au numéro SIRET (SIREN {siren}). Vérifiez les deux ; vous pouvez tout de même envoyer votre demande.',
  },
  suggestionsLabel: 'Suggestions d’adresse',
  suggestions: {
    one: '{count} suggestion d’adresse. Utilisez les flèches haut et bas pour choisir.',
    other: '{count} suggestions d’adresse. Utilisez les flèches haut et bas pour choisir.',
  },
  noSuggestion: 'Aucune suggestion d’adresse.',
  addressFilled: 'La rue, le code postal et la ville ont été remplis.',
} satisfies Table<typeof en>;
