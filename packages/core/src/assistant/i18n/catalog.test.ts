import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../clock.js';
import { createDesk } from '../../desk/desk.js';
import { createMemoryStore } from '../../store/memory-store.js';
import { createAssistant } from '../assistant.js';
import { defaultIntentRecognizer } from '../default-intents.js';
import { collectTicketFlow } from '../flows/collect-ticket.js';
import { openingHoursFlow } from '../flows/opening-hours.js';
import { passwordResetFlow } from '../flows/password-reset.js';
import { ticketStatusFlow } from '../flows/ticket-status.js';
import type { AssistantReply } from '../types.js';
import {
  ASSISTANT_CATALOGS,
  ASSISTANT_LOCALES,
  type AssistantLocale,
  assistantText,
  placeholdersOf,
} from './index.js';

const en = ASSISTANT_CATALOGS.en;
const keys = Object.keys(en).sort();

describe('assistant catalogs', () => {
  for (const locale of ASSISTANT_LOCALES) {
    it(`${locale} has every key, with the same placeholders`, () => {
      const catalog = ASSISTANT_CATALOGS[locale];
      expect(Object.keys(catalog).sort()).toEqual(keys);
      for (const key of keys as (keyof typeof en)[]) {
        expect(catalog[key].trim(), `${locale}.${key}`).not.toBe('');
        expect(placeholdersOf(catalog[key]), `${locale}.${key}`).toEqual(
          placeholdersOf(en[key]),
        );
      }
    });
    if (locale !== 'en') {
      it(`${locale} is translated, not copied from English`, () => {
        const catalog = ASSISTANT_CATALOGS[locale];
        const same = keys.filter(
          (k) => catalog[k as keyof typeof en] === en[k as keyof typeof en],
        );
        // Only texts that are nothing but a placeholder, or a word both share.
        expect(same.length, same.join(', ')).toBeLessThanOrEqual(3);
      });
    }
  }

  it('fills placeholders and leaves unknown ones alone', () => {
    expect(assistantText('de', 'created', { ref: 'T-9' })).toContain('T-9');
    expect(assistantText('fr', 'created')).toContain('{ref}');
  });
});

const clock = createManualClock('2026-03-02T10:00:00Z'); // a Monday

function setup(locale: AssistantLocale) {
  const desk = createDesk({
    store: createMemoryStore(),
    clock,
    sla: {
      calendars: [
        {
          id: 'office',
          timeZone: 'Europe/Berlin',
          hours: { mon: [['09:00', '17:00']] },
          holidays: [{ date: '2026-03-03', name: 'Founders day' }],
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
      tickets: { mine: async () => null, byRef: async () => null },
    }),
    passwordResetFlow({ url: 'https://id.example.com/reset' }),
    openingHoursFlow({ calendar: desk.sla!.calendar('office'), clock }),
    collectTicketFlow({
      form: {
        fields: [
          {
            name: 'asset',
            kind: 'text',
            label: 'Inventarnummer',
            required: true,
          },
        ],
      },
      createTicket: async (s) => {
        const { attachments: _none, ...fields } = s;
        const { ticket } = await desk.submit({ ...fields, channel: 'chat' });
        return { id: ticket.id, ref: ticket.ref };
      },
    }),
  ];
  const recognizer = defaultIntentRecognizer();
  const assistant = createAssistant({
    recognizer,
    flows,
    clock,
    requester: { email: 'ada@example.com' },
  });
  const send = (text: string, choice?: string) =>
    assistant.send({ text, ...(choice && { choice }), locale });
  return { desk, assistant, send };
}

const said = (replies: AssistantReply[]) => replies.map((r) => r.text);

describe('the assistant in German', () => {
  it('runs the password flow, hands over and files the ticket in German', async () => {
    const { desk, send } = setup('de');
    const offer = await send('I forgot my password');
    expect(offer[0]).toMatchObject({
      type: 'link',
      text: ASSISTANT_CATALOGS.de.resetOffer,
      label: ASSISTANT_CATALOGS.de.resetLabel,
    });
    expect(offer[1]).toMatchObject({
      type: 'choices',
      choices: [{ label: 'Ja' }, { label: 'Nein' }],
    });
    const asked = await send('nein');
    expect(said(asked)).toEqual([
      ASSISTANT_CATALOGS.de.handover,
      ASSISTANT_CATALOGS.de.askDetails,
    ]);
    const field = await send('Seit gestern kommt keine Mail an.');
    expect(said(field)).toEqual(['Inventarnummer?']);
    const confirm = await send('PC-7');
    expect(confirm[0]?.text).toContain('„\u2068I forgot my password\u2069“');
    const done = await send('Ticket eröffnen', 'yes');
    const reply = done.find((r) => r.type === 'ticket');
    expect(reply?.type).toBe('ticket');
    const ref = reply?.type === 'ticket' ? reply.ticket.ref : '';
    expect(reply?.text).toBe(assistantText('de', 'created', { ref }));
    expect((await desk.getByRef(ref))?.fields).toEqual({ asset: 'PC-7' });
  });
});

describe('the assistant in Arabic', () => {
  it('gives opening hours in Arabic, times in the desk’s zone', async () => {
    const { send } = setup('ar');
    const [reply] = await send('what are your opening hours?');
    const until = new Intl.DateTimeFormat('ar', {
      timeZone: 'Europe/Berlin',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: 'numeric',
      minute: '2-digit',
    }).format(Date.parse('2026-03-02T16:00:00Z'));
    const lines = reply!.text.split('\n');
    expect(lines[0]).toBe(
      assistantText('ar', 'openUntil', { until, zone: 'Europe/Berlin' }),
    );
    expect(lines).toContain(
      `${new Intl.DateTimeFormat('ar', { weekday: 'short', timeZone: 'UTC' }).format(Date.parse('2026-03-04T12:00:00Z'))} مغلق`,
    );
    expect(lines.at(-1)).toMatch(/^مغلق في .*\(Founders day\)\.$/);
  });

  it('asks for a ticket reference in Arabic and falls back to it', async () => {
    const { send } = setup('ar');
    const asked = await send('what is the status of my ticket?');
    expect(said(asked)).toEqual([ASSISTANT_CATALOGS.ar.askRef]);
    const none = await send('T-404');
    expect(said(none)).toEqual([
      assistantText('ar', 'notShown', { ref: 'T-404' }),
    ]);
  });

  it('offers the menu in Arabic when it does not understand', async () => {
    const { send } = setup('ar');
    const [menu] = await send('qwerty zxcv');
    expect(menu?.text).toBe(ASSISTANT_CATALOGS.ar.notSure);
    expect(
      menu?.type === 'choices' && menu.choices.map((c) => c.label),
    ).toEqual([
      'حالة تذكرتي',
      'إعادة تعيين كلمة المرور',
      'ساعات العمل',
      'التحدث إلى موظف',
    ]);
  });
});
