import { Parser } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { compose, mailDesk } from './test-support.js';

/** Well-known XSS payloads, from plain tags to parser tricks. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<body onload=alert(1)>',
  '"><script>alert(document.cookie)</script>',
  "'><img src=x onerror=alert('x')>",
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">',
  '<div style="background:url(javascript:alert(1))">styled</div>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  "'';!--\"<XSS>=&{()}",
  '<a href="&#106;avascript:alert(1)">entity</a>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, literally
  '`${alert(1)}` {{constructor.constructor("alert(1)")()}}',
];

/** Tags and attributes of an HTML document, as a browser would parse them. */
function markupOf(html: string) {
  const tags: string[] = [];
  const attributes: [string, string][] = [];
  let text = '';
  const parser = new Parser({
    onopentag(name, attribs) {
      tags.push(name);
      attributes.push(...Object.entries(attribs));
    },
    ontext(data) {
      text += data;
    },
  });
  parser.write(html);
  parser.end();
  return { tags, attributes, text };
}

const ALLOWED_TAGS = new Set(['html', 'body', 'p', 'br', 'a', 'h1']);

/** The notification HTML has only our markup: escaped payloads stay text. */
function expectInert(html: string, payload: string) {
  const { tags, attributes, text } = markupOf(html);
  expect(tags.filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
  for (const [name, value] of attributes) {
    expect(name).not.toMatch(/^on/i);
    if (name === 'href') expect(value).toMatch(/^https?:/);
    expect(['style', 'href']).toContain(name);
  }
  expect(text).toContain(payload.replace(/\s+/g, ' ').trim());
}

describe('ticket text from mail is plain text; notification HTML is escaped', () => {
  let t: Awaited<ReturnType<typeof mailDesk>>;
  beforeAll(async () => {
    t = await mailDesk();
  });

  it('has at least 20 payloads', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(PAYLOADS.map((p, i) => [i, p] as const))(
    'payload %i in subject, text body and name is stored as given and escaped in mail',
    async (i, payload) => {
      const raw = await compose({
        from: { name: payload, address: `x${i}@example.com` },
        to: 'help@desk.example',
        subject: payload,
        text: payload,
        messageId: `<xss-text-${i}@example.com>`,
      });
      const result = await t.intake.receive(raw);
      const ticket = (await t.desk.get(result.ticket!.id))!;
      expect(ticket.subject).toBe(payload.replace(/\s+/g, ' ').trim());
      expect(ticket.description).toBe(payload.trim());

      await t.desk.reply(ticket.id, { body: payload }, { actor: t.sam });
      await t.notifier.idle();
      const mails = t.outbox.sent.filter((m) => m.ticketId === ticket.id);
      expect(mails.map((m) => m.kind)).toEqual(['acknowledgement', 'reply']);
      for (const mail of mails) expectInert(mail.html, payload);
      expect(mails[1]!.text).toContain(payload);
    },
  );

  it.each(PAYLOADS.map((p, i) => [i, p] as const))(
    'payload %i as markup of an HTML-only body leaves no tag in the stored text',
    async (i, payload) => {
      const raw = await compose({
        from: `h${i}@example.com`,
        to: 'help@desk.example',
        subject: `HTML ${i}`,
        html: `<p>Before</p>${payload}<p>After</p>`,
        messageId: `<xss-html-${i}@example.com>`,
      });
      const result = await t.intake.receive(raw);
      const ticket = (await t.desk.get(result.ticket!.id))!;
      expect(ticket.description).not.toMatch(/<[a-z!/?]/i);
      expect(ticket.description).not.toMatch(/\bon[a-z]+\s*=/i);
      expect(ticket.description).toMatch(/^Before/);
    },
  );
});
