import type { Table } from '../../table.js';
import type { botCheck as en } from '../en/botCheck.js';

/** A verificação anti-robô, em português: o widget do formulário, a mensagem após uma recusa, a definição do editor. */
export const botCheck = {
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
  setting: 'Verificação anti-robô (prova de trabalho)',
  settingHelp: 'Antes do envio, o navegador do visitante resolve um pequeno cálculo (cerca de um segundo): sem cookie nem serviço externo. O servidor precisa de uma chave para isso (ALTCHA_HMAC_KEY na demonstração).',
} satisfies Table<typeof en>;
