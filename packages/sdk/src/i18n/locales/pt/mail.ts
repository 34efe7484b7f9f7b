import type { Table } from '../../table.js';
import type { mail as en } from '../en/mail.js';

/** Os e-mails, em português (Portugal). */
export const mail = {
  greeting: 'Olá,',
  signature: 'A equipa {site}',
  confirmationSubject: 'Recebemos o seu pedido de conta empresarial',
  confirmationBody: [
    'Obrigado: recebemos o pedido de abertura de uma conta empresarial para {company}.',
    'A nossa equipa comercial está a analisá-lo e irá contactá-lo assim que estiver tratado.',
  ],
  alertSubject: 'Novo pedido de conta empresarial: {company}',
  alertIntro: 'Um novo pedido de abertura de conta aguarda tratamento.',
  alertOpen: 'Abrir o pedido',
  labels: {
    contact: 'Contacto',
    received: 'Recebido em',
  },
  activationSubject: 'Ative a sua conta empresarial {site}',
  activationBody: ['Boas notícias: a conta empresarial de {company} está aberta.', 'Para iniciar sessão, escolha a sua palavra-passe através desta ligação:'],
  activationButton: 'Escolher a minha palavra-passe',
  activationExpiry: 'Esta ligação só funciona uma vez, até {date}.',
  activationIgnore: 'Se não pediu esta conta, ignore esta mensagem.',
} satisfies Table<typeof en>;
