// The server speaks every built-in language at once: validation messages, config issues and
// e-mails in the seven UI languages, registered when the server entry loads (no chunk to fetch).
import { conditions as deConditions } from '../i18n/locales/de/conditions.js';
import { core as deCore } from '../i18n/locales/de/core.js';
import { issues as deIssues } from '../i18n/locales/de/issues.js';
import { mail as deMail } from '../i18n/locales/de/mail.js';
import { mail as enMail } from '../i18n/locales/en/mail.js';
import { conditions as esConditions } from '../i18n/locales/es/conditions.js';
import { core as esCore } from '../i18n/locales/es/core.js';
import { issues as esIssues } from '../i18n/locales/es/issues.js';
import { mail as esMail } from '../i18n/locales/es/mail.js';
import { mail as frMail } from '../i18n/locales/fr/mail.js';
import { conditions as itConditions } from '../i18n/locales/it/conditions.js';
import { core as itCore } from '../i18n/locales/it/core.js';
import { issues as itIssues } from '../i18n/locales/it/issues.js';
import { mail as itMail } from '../i18n/locales/it/mail.js';
import { conditions as nlConditions } from '../i18n/locales/nl/conditions.js';
import { core as nlCore } from '../i18n/locales/nl/core.js';
import { issues as nlIssues } from '../i18n/locales/nl/issues.js';
import { mail as nlMail } from '../i18n/locales/nl/mail.js';
import { conditions as ptConditions } from '../i18n/locales/pt/conditions.js';
import { core as ptCore } from '../i18n/locales/pt/core.js';
import { issues as ptIssues } from '../i18n/locales/pt/issues.js';
import { mail as ptMail } from '../i18n/locales/pt/mail.js';
import '../describe-condition.js';
import '../i18n/issues.js';
import { registerLocale } from '../i18n/registry.js';

registerLocale('en', { mail: enMail });
registerLocale('fr', { mail: frMail });
registerLocale('de', { core: deCore, issues: deIssues, mail: deMail, conditions: deConditions });
registerLocale('es', { core: esCore, issues: esIssues, mail: esMail, conditions: esConditions });
registerLocale('it', { core: itCore, issues: itIssues, mail: itMail, conditions: itConditions });
registerLocale('nl', { core: nlCore, issues: nlIssues, mail: nlMail, conditions: nlConditions });
registerLocale('pt', { core: ptCore, issues: ptIssues, mail: ptMail, conditions: ptConditions });
