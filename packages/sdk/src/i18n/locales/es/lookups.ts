import type { Table } from '../../table.js';
import type { lookups as en } from '../en/lookups.js';

/** Los textos de la búsqueda de empresa y de dirección del formulario, en español. */
export const lookups = {
  found: 'Hemos encontrado esta empresa en el registro mercantil francés.',
  offer: '¿Rellenar los datos de la empresa con esta información?',
  registeredOffice: 'Domicilio social',
  accept: 'Rellenar',
  decline: 'No, gracias',
  replace: 'Esto sustituye lo que ha introducido en: {fields}. ¿Sustituir?',
  replaceAccept: 'Sustituir',
  replaceKeep: 'Conservar mis datos',
  filled: { one: 'Se ha rellenado {count} campo.', other: 'Se han rellenado {count} campos.' },
  closed: 'Según el registro, este establecimiento está cerrado. Compruebe el número SIRET; aun así puede enviar su solicitud.',
  vatOffer: 'Su NIF-IVA debería ser {vat}. ¿Utilizarlo?',
  vatAccept: 'Utilizar este número',
  warnings: {
    vat_siren_mismatch: 'Este NIF-IVA no corresponde al número SIRET (número de empresa {siren}). Compruebe ambos; aun así puede enviar su solicitud.',
  },
  suggestionsLabel: 'Sugerencias de dirección',
  suggestions: {
    one: '{count} sugerencia de dirección. Use las flechas arriba y abajo para elegir.',
    other: '{count} sugerencias de dirección. Use las flechas arriba y abajo para elegir.',
  },
  noSuggestion: 'Ninguna sugerencia de dirección.',
  addressFilled: 'Se han rellenado la calle, el código postal y la ciudad.',
} satisfies Table<typeof en>;
