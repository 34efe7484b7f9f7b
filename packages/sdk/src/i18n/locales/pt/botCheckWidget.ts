import type { Table } from '../../table.js';
import type { botCheckWidget as en } from '../en/botCheckWidget.js';

/** A verificação anti-robô no formulário, em português: as palavras do widget e a mensagem após uma recusa. */
export const botCheckWidget = {
  widget: {
    label: 'Verificação anti-robô',
    verifying: 'A verificar que não é um robô…',
    verified: 'Verificação anti-robô concluída',
    verificationRequired: 'Aguarde até a verificação anti-robô terminar.',
    waitAlert: 'A verificar… aguarde, por favor.',
    error: 'A verificação anti-robô falhou. Tente de novo.',
    expired: 'A verificação anti-robô expirou. Recomeça.',
    loading: 'A carregar…',
    reload: 'Recomeçar',
    verify: 'Verificar',
    cancel: 'Cancelar',
    enterCode: 'Introduza o código',
    enterCodeAria: 'Introduza o código que ouve. Prima Espaço para ouvir o som.',
    enterCodeFromImage: 'Para continuar, escreva o código da imagem abaixo.',
    getAudioChallenge: 'Ouvir o código em vez disso',
  },
  refused: 'É preciso refazer a verificação anti-robô. Recomeça sozinha: envie o formulário quando indicar que está concluída.',
  insecure: 'Esta página não é segura (HTTPS): a verificação anti-robô não pode ser feita e o formulário não pode ser enviado daqui. Avise a equipa do site, por favor.',
} satisfies Table<typeof en>;
