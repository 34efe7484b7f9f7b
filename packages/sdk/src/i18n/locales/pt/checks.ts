import type { Table } from '../../table.js';
import type { checks as en } from '../en/checks.js';

/** Os textos das verificações de um pedido guardado (NIF no VIES, SIRET no registo), para o back-office. */
export const checks = {
  title: 'Verificações da empresa',
  vatTitle: 'Verificação do NIF (VIES)',
  vat: {
    pending: 'Verificação do IVA pendente',
    valid: 'NIF válido',
    invalid: 'NIF inválido',
    unavailable: 'VIES indisponível',
    'not-applicable': 'Nenhum NIF a verificar',
  },
  vatFilter: 'Verificação do IVA',
  checkedAt: 'Verificado em {date}',
  consultationNumber: 'Número de consulta VIES',
  registeredName: 'Nome registado no VIES',
  registeredAddress: 'Morada registada no VIES',
  retrying: 'O VIES não respondeu para este país; a verificação é repetida automaticamente.',
  retriesOver: 'O VIES não respondeu para este país e as novas tentativas automáticas terminaram: use «Verificar novamente» para perguntar outra vez.',
  requesterRefused: 'O VIES recusa o requerente que este servidor declara (a sua definição VIES_REQUESTER): nenhum número de IVA pode ser verificado até o operador a corrigir. A verificação não é repetida; use «Verificar novamente» depois da correção.',
  nameMismatch: 'O nome registado no VIES, «{name}», difere do nome da empresa introduzido.',
  siretTitle: 'Verificação do número SIRET (registo comercial)',
  siret: {
    pending: 'Verificação no registo pendente',
    open: 'Estabelecimento ativo',
    closed: 'Estabelecimento encerrado',
    'not-found': 'SIRET ausente do registo',
    unavailable: 'Registo indisponível',
    'not-applicable': 'Nenhum número SIRET a verificar',
  },
  registerName: 'Nome no registo comercial',
  closedWarning: 'Segundo o registo comercial, este estabelecimento está encerrado.',
  checkAgain: 'Verificar novamente',
  checkedAgain: 'As verificações foram repetidas.',
} satisfies Table<typeof en>;
