import {
  act,
  afterEach,
  beforeEach,
  describe,
  dropStreams,
  equal,
  fault,
  it,
  mount,
  ok,
  requestsTo,
  unmountAll,
  waitFor,
} from '../../test/browser-kit.js';
import { statusIs, submitAndOpen } from '../../test/tracking-kit.js';
import '../define.js';

const streams = (id: string) => requestsTo(`/tickets/${id}/stream`);
const reads = async (id: string) =>
  (await requestsTo(`/tickets/${id}`)).filter((r) => r.method === 'GET');

describe('<ticket-widget> live status', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => unmountAll());

  // Polling every minute: only the stream can show these changes in time.
  it('reconnects after the server drops the stream, and shows what changed meanwhile', async () => {
    const el = await mount({ 'poll-interval': '60000' });
    const id = await submitAndOpen(el);
    const { dropped } = await dropStreams(id);
    equal(dropped, 1, 'streams dropped');
    await act(id, { type: 'triage', impact: 'low', urgency: 'low' });
    await statusIs(el, 'Open');
    equal((await streams(id)).length, 2, 'stream requests');

    await act(id, { type: 'assign' });
    await statusIs(el, 'Assigned to an agent');
  });

  it('opens the stream again after the browser gave up on it', async () => {
    const el = await mount({ 'poll-interval': '60000' });
    const id = await submitAndOpen(el);
    await fault({ blockStreamOf: id, on: true });
    try {
      await dropStreams(id);
      // The browser's own retry meets an error answer and stops there.
      await waitFor(
        async () => (await streams(id)).some((r) => r.status === 503),
        'a refused reconnect',
      );
      await act(id, { type: 'triage', impact: 'low', urgency: 'low' });
    } finally {
      await fault({ blockStreamOf: id, on: false });
    }
    await statusIs(el, 'Open');
    const log = await streams(id);
    equal(log.at(-1)?.status, 200, 'the last stream request');
    ok(log.length >= 3, `stream requests: ${log.length}`);
    ok((await reads(id)).length >= 2, 'read again when the stream opened');
  });
});
