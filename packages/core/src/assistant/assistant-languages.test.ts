import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.js';
import { createDesk } from '../desk/desk.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createAssistant } from './assistant.js';
import { defaultIntentRecognizer } from './default-intents.js';
import { openingHoursFlow } from './flows/opening-hours.js';
import { passwordResetFlow } from './flows/password-reset.js';
import { ticketStatusFlow } from './flows/ticket-status.js';
import { ASSISTANT_CATALOGS, type AssistantLocale } from './i18n/index.js';
import type { AssistantReply } from './types.js';

const recognizer = defaultIntentRecognizer();
const clock = createManualClock('2026-03-02T10:00:00Z'); // Monday, open

/** What a requester types for each routine request, per language. */
const ASKS: Record<
  AssistantLocale,
  { password: string; hours: string; status: string }
> = {
  en: {
    password: 'I forgot my password again',
    hours: 'what are your opening hours?',
    status: 'what is the status of my ticket?',
  },
  de: {
    password: 'Ich habe mein Passwort vergessen',
    hours: 'Wann haben Sie geöffnet?',
    status: 'Wie ist der Status meines Tickets?',
  },
  fr: {
    password: "J'ai oublié mon mot de passe",
    hours: "Quels sont vos horaires d'ouverture ?",
    status: 'Où en est mon ticket ?',
  },
  es: {
    password: 'Olvidé mi contraseña',
    hours: '¿Cuál es el horario de atención?',
    status: '¿Cuál es el estado de mi ticket?',
  },
  pt: {
    password: 'Esqueci minha senha',
    hours: 'Qual é o horário de funcionamento?',
    status: 'Qual é o status do meu chamado?',
  },
  ja: {
    password: 'パスワードを忘れてしまいました',
    hours: '営業時間を教えてください',
    status: 'チケットの状況を知りたいです',
  },
  ar: {
    password: 'نسيت كلمة المرور الخاصة بي',
    hours: 'ما هي ساعات العمل لديكم؟',
    status: 'ما هي حالة التذكرة الخاصة بي؟',
  },
};

function setup(locale?: AssistantLocale) {
  const desk = createDesk({
    store: createMemoryStore(),
    clock,
    sla: {
      calendars: [
        {
          id: 'office',
          timeZone: 'Europe/Berlin',
          hours: { mon: [['09:00', '17:00']] },
        },
      ],
      policies: [
        { id: 'standard', version: 1, targets: { high: { resolution: '8h' } } },
      ],
      defaultCalendarId: 'office',
    },
  });
  const flows = [
    ticketStatusFlow({
      tickets: {
        mine: async () => null,
        byRef: async (ref) => {
          const t = await desk.getByRef(ref);
          return t && { ...t, updatedAt: t.updatedAt };
        },
      },
    }),
    passwordResetFlow({ url: 'https://id.example.com/reset' }),
    openingHoursFlow({ calendar: desk.sla!.calendar('office'), clock }),
  ];
  const assistant = createAssistant({
    recognizer,
    flows,
    clock,
    ...(locale && { locale }),
  });
  return { desk, assistant };
}

const texts = (replies: AssistantReply[]) =>
  replies.map((r) => r.text).join('\n');
/** The fixed start of a catalog text, before its first placeholder. */
const opening = (template: string) => template.split('{')[0]!.trim();

describe('the assistant in each of its seven languages', () => {
  for (const [locale, ask] of Object.entries(ASKS) as [
    AssistantLocale,
    (typeof ASKS)['en'],
  ][]) {
    const say = ASSISTANT_CATALOGS[locale];

    it(`${locale}: links to the reset page and hears that it worked`, async () => {
      const { assistant } = setup();
      const first = await assistant.send({ text: ask.password, locale });
      expect(first[0]).toMatchObject({
        type: 'link',
        text: say.resetOffer,
        label: say.resetLabel,
        href: 'https://id.example.com/reset',
      });
      expect(assistant.activeFlow).toBe('password-reset');
      const done = await assistant.send({ text: say.yes, locale });
      expect(texts(done)).toBe(say.resetSolved);
    });

    it(`${locale}: tells the opening hours from the calendar`, async () => {
      const { assistant } = setup();
      const replies = await assistant.send({ text: ask.hours, locale });
      expect(texts(replies)).toContain(opening(say.openUntil));
      expect(texts(replies)).toContain('Europe/Berlin');
      expect(assistant.activeFlow).toBeNull();
    });

    it(`${locale}: asks for the reference and tells the status`, async () => {
      const { assistant, desk } = setup();
      const { ticket } = await desk.submit({
        subject: 'VPN drops',
        description: 'every hour',
        requester: { email: 'bo@example.com' },
      });
      const asked = await assistant.send({ text: ask.status, locale });
      expect(texts(asked)).toBe(say.askRef);
      const told = await assistant.send({ text: ticket.ref, locale });
      expect(texts(told)).toContain(ticket.ref);
      expect(texts(told)).toContain('VPN drops');
      expect(texts(told)).toContain(opening(say.statusLine.split('}')[1]!));
    });
  }

  it('answers in the widget’s locale whatever language the message is in', async () => {
    const { assistant } = setup();
    const replies = await assistant.send({
      text: ASKS.ja.password,
      locale: 'de',
    });
    expect(replies[0]).toMatchObject({
      text: ASSISTANT_CATALOGS.de.resetOffer,
    });
  });

  it('keeps the starting locale for messages that name none', async () => {
    const { assistant } = setup('ar');
    const replies = await assistant.send(ASKS.ar.hours);
    expect(texts(replies)).toContain(opening(ASSISTANT_CATALOGS.ar.openUntil));
  });
});

describe('hostile messages', () => {
  it('reads a message of the longest allowed size in any script quickly', async () => {
    const { assistant } = setup();
    for (const text of [
      'パスワード'.repeat(400),
      'كلمة المرور '.repeat(166),
      'x'.repeat(2000),
    ]) {
      const started = performance.now();
      const replies = await assistant.send({ text, locale: 'ja' });
      expect(performance.now() - started).toBeLessThan(1000);
      expect(replies.length).toBeGreaterThan(0);
      assistant.stop();
    }
  });

  it('recognises a request that mixes scripts', async () => {
    const { assistant } = setup();
    const replies = await assistant.send({
      text: 'パスワード reset お願い، كلمة المرور',
      locale: 'ja',
    });
    expect(replies[0]).toMatchObject({ type: 'link' });
  });

  it('sees through direction overrides and invisible characters', async () => {
    const { assistant, desk } = setup();
    const rtl = await assistant.send({
      text: '\u202eنسيت \u200fكلمة\u200b المرور\u202c',
      locale: 'ar',
    });
    expect(rtl[0]).toMatchObject({ text: ASSISTANT_CATALOGS.ar.resetOffer });
    assistant.stop();
    const { ticket } = await desk.submit({
      subject: 'Badge reader',
      description: 'no light',
      requester: { email: 'bo@example.com' },
    });
    // A full-width reference with a direction override inside it.
    const wide = ticket.ref.replace(/[A-Z0-9-]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    );
    await assistant.send({ text: ASKS.ja.status, locale: 'ja' });
    const told = await assistant.send({
      text: `\u202e${wide}\u202c`,
      locale: 'ja',
    });
    expect(texts(told)).toContain('Badge reader');
  });

  it('does not start a flow for a greeting, in any language', async () => {
    for (const hello of [
      'hello',
      'hallo',
      'bonjour',
      'hola',
      'olá',
      'こんにちは',
      'مرحبا',
    ]) {
      const { assistant } = setup();
      await assistant.send(hello);
      expect(assistant.activeFlow, hello).toBeNull();
    }
  });
});
