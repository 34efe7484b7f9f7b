export { activationMail, alertMail, confirmationMail, type MailContent, type MailContext } from './templates.js';
export { correctionMail, informationMail, invitationMail, rejectionMail } from './decision-templates.js';
export { escapeHtml, headerLine } from './escape.js';
