import { describe, expect, it } from 'vitest';
import { createDesk } from '../desk/desk.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createAutomation } from './automation.js';
import { webhookUrlRefusal } from './webhook-url.js';

describe('webhookUrlRefusal', () => {
  it.each([
    [
      'http://169.254.169.254/latest/meta-data/',
      /link-local or cloud metadata/,
    ],
    ['http://2852039166/', /link-local/],
    ['http://0xa9.0xfe.0xa9.0xfe/', /link-local/],
    ['http://127.0.0.1:8080/hook', /loopback/],
    ['http://10.1.2.3/hook', /private/],
    ['http://192.168.0.10/', /private/],
    ['http://100.64.0.1/', /CGNAT/],
    ['http://[::1]/', /loopback/],
    ['http://[::ffff:169.254.169.254]/', /link-local.*inside IPv6/],
    ['http://[fd00::1]/', /unique local/],
    ['http://[fe80::1]/', /link-local/],
    ['http://localhost:3000/', /internal host name/],
    ['http://api.localhost/', /internal host name/],
    ['http://metadata.google.internal/', /internal host name/],
    ['http://printer.local/', /internal host name/],
    ['ftp://hooks.example.com/', /only http/],
  ])('refuses %s', (url, why) => {
    expect(webhookUrlRefusal(url)).toMatch(why);
  });

  it.each([
    'https://hooks.example.com/in',
    'https://93.184.215.14/in',
    'https://[2606:4700::1111]/in',
  ])('lets %s through (checked again after DNS by a sender)', (url) => {
    expect(webhookUrlRefusal(url)).toBeNull();
  });

  it('lets allow-listed hosts and addresses through', () => {
    const allow = ['10.1.2.3', 'hooks.internal', '::1'];
    expect(webhookUrlRefusal('http://10.1.2.3/x', allow)).toBeNull();
    expect(webhookUrlRefusal('http://hooks.internal/x', allow)).toBeNull();
    expect(webhookUrlRefusal('http://[::1]/x', allow)).toBeNull();
    expect(webhookUrlRefusal('http://10.1.2.4/x', allow)).toMatch(/private/);
  });
});

const rule = (url: string) => ({
  id: 'post-out',
  on: ['ticket.submitted'],
  actions: [{ type: 'webhook', url }],
});

describe('saving webhook rules without a sender', () => {
  it('refuses a metadata address with DESTINATION_REFUSED and saves nothing', async () => {
    const desk = createDesk({ store: createMemoryStore() });
    const automation = createAutomation(desk, {});
    const saving = automation.save(
      'triggers',
      [rule('http://169.254.169.254/latest/meta-data/')],
      0,
    );
    await expect(saving).rejects.toMatchObject({ code: 'DESTINATION_REFUSED' });
    expect(automation.rules('triggers').version).toBe(0);
    const ok = await automation.save(
      'triggers',
      [rule('https://hooks.example.com/in')],
      0,
    );
    expect(ok.version).toBe(1);
  });

  it('takes an address the admin allow-listed; a sender check decides alone', async () => {
    const desk = createDesk({ store: createMemoryStore() });
    const allowed = createAutomation(desk, { webhookAllow: ['127.0.0.1'] });
    await expect(
      allowed.save('triggers', [rule('http://127.0.0.1:9/x')], 0),
    ).resolves.toMatchObject({ version: 1 });
    const checked: string[] = [];
    const withSender = createAutomation(desk, {
      webhook: {
        send: async () => ({
          ok: true,
          status: 200,
          error: null,
          attempts: [],
        }),
        check: async (url) => {
          checked.push(url);
        },
      },
    });
    await withSender.load();
    await withSender.save('triggers', [rule('http://10.9.9.9/x')], 1);
    expect(checked).toEqual(['http://10.9.9.9/x']);
  });
});
