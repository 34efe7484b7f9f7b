import type { Table } from '../../table.js';
import type { lookups as en } from '../en/lookups.js';

/** Os textos da pesquisa de empresa e de morada do formulário, em português. */
export const lookups = {
  found: 'Encontrámos esta empresa no registo comercial francês.',
  offer: 'Preencher os dados da empresa com estas informações?',
  registeredOffice: 'Sede social',
  accept: 'Preencher',
  decline: 'Não, obrigado',
  replace: 'Isto substitui o que introduziu em: {fields}. Substituir?',
  replaceAccept: 'Substituir',
  replaceKeep: 'Manter os meus dados',
  filled: { one: '{count} campo foi preenchido.', other: '{count} campos foram preenchidos.' },
  closed: 'Segundo o registo, este estabelecimento está encerrado. Verifique o número SIRET; pode enviar o seu pedido na mesma.',
  vatOffer: 'O seu NIF intracomunitário deveria ser {vat}. Utilizá-lo?',
  vatAccept: 'Utilizar este número',
  warnings: {
    vat_siren_mismatch: 'Este NIF não corresponde ao número SIRET (número de empresa {siren}). Verifique ambos; pode enviar o seu pedido na mesma.',
  },
  suggestionsLabel: 'Sugestões de morada',
  suggestions: {
    one: '{count} sugestão de morada. Use as setas para cima e para baixo para escolher.',
    other: '{count} sugestões de morada. Use as setas para cima e para baixo para escolher.',
  },
  noSuggestion: 'Nenhuma sugestão de morada.',
  addressFilled: 'A rua, o código postal e a localidade foram preenchidos.',
} satisfies Table<typeof en>;
