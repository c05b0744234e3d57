/**
 * The demo's knowledge base: a handful of articles written for the demo,
 * seeded on first start, and the index over them and the replayed
 * desk's resolved tickets.
 */
import { createArticleRenderer } from '@ticketry/adapters/kb';
import {
  createKnowledgeBase,
  type Desk,
  parseArticleMarkdown,
  TicketryError,
} from '@ticketry/core';
import type { Logger } from './log.ts';

/** The demo's articles, by id; original text, in four languages. */
export const DEMO_ARTICLES: Record<string, string> = {
  'vpn-from-home': `---
title: Connect to the VPN from home
category: access
tags: [vpn, remote, network]
locale: en
status: published
---
1. Start the **VPN client** from the system tray.
2. Sign in with your work account and approve the prompt on your phone.
3. Choose the *Office* profile and wait for the green shield.

If the client says the certificate has expired, restart the laptop while
connected to the office network once, so it can fetch a new one.`,
  'reset-password': `---
title: Reset a forgotten password
category: access
tags: [password, sign-in, account]
locale: en
status: published
---
Passwords are reset on the [self-service page](https://example.com/password-reset):
enter your work e-mail, follow the link that arrives, and choose a new
password of at least 14 characters. Locked accounts unlock on their own
after 15 minutes.`,
  'printer-jam': `---
title: Clear a paper jam on the floor printers
category: hardware
tags: [printer, paper, jam]
locale: en
status: published
---
Open the front door and pull **tray 2** out completely. Remove any torn
paper, fan the stack before you put it back, and close the door firmly.
If the display still shows a jam, switch the printer off for ten seconds.`,
  'drucker-verbinden': `---
title: Netzwerkdrucker am Laptop einrichten
category: hardware
tags: [drucker, netzwerk]
locale: de
status: published
---
Öffnen Sie **Einstellungen → Drucker**, wählen Sie *Drucker hinzufügen*
und suchen Sie nach dem Namen auf dem Etikett des Druckers.`,
  'messagerie-pleine': `---
title: Boîte aux lettres pleine
category: email
tags: [messagerie, quota]
locale: fr
status: published
---
Videz le dossier **Éléments supprimés** et archivez les messages de plus
d'un an : la boîte retrouve de la place aussitôt.`,
  'instalar-software': `---
title: Solicitar la instalación de un programa
category: software
tags: [software, instalación]
locale: es
status: draft
---
Abra una solicitud con el nombre del programa y su versión; el equipo lo
instala en remoto en un plazo de dos días laborables.`,
};

/**
 * Creates the knowledge base, seeds the demo articles that are not
 * there yet, and indexes the store; answers the HTTP service.
 */
export async function demoKnowledgeBase(desk: Desk, log: Logger) {
  const knowledgeBase = createKnowledgeBase(desk.core);
  let seeded = 0;
  for (const [id, markdown] of Object.entries(DEMO_ARTICLES)) {
    if (await knowledgeBase.getArticle(id)) continue;
    const article = parseArticleMarkdown(markdown);
    try {
      await knowledgeBase.putArticle({ ...article, id }, 0, desk.core.system);
      seeded++;
    } catch (error) {
      // Another process on the same database seeded it first: keep theirs.
      const taken = error instanceof TicketryError;
      if (!taken || error.code !== 'ALREADY_EXISTS') throw error;
    }
  }
  await knowledgeBase.ready();
  log.info('knowledge base ready', { seeded });
  // HTML for GET /kb/articles/:id, blocks for the widget's article view.
  const { render, blocks } = createArticleRenderer();
  return { knowledgeBase, render, blocks };
}
