/**
 * Six weeks of resolved history for the browser tests' desk, written
 * through a desk of its own with a manual clock on the same store (as
 * the demo seeds its replay), so predictions have arrivals to forecast
 * and outcomes to learn from. Network tickets missed their SLA (the
 * `madeSla` field, as the ServiceNow replay carries it); email tickets
 * made it. Every ticket is resolved, so the console's queues of active
 * tickets do not change.
 */
export async function seedPredictionHistory(core, store, agentId) {
  const clock = core.createManualClock('2000-01-01T00:00:00Z');
  const desk = core.createDesk({ store, clock });
  const actor = { role: 'agent', id: agentId };
  const today = Math.floor(Date.now() / 86_400_000);
  for (let day = today - 42; day < today; day++) {
    const perDay = 2 + (day % 7 === 3 ? 2 : 0);
    for (let i = 0; i < perDay; i++) {
      const at = day * 86_400_000 + (9 + i) * 3_600_000;
      clock.set(new Date(at));
      const network = (day + i) % 3 === 0;
      const category = network ? 'Network' : 'Email';
      const { ticket } = await desk.submit({
        subject: `${category} trouble`,
        description: 'Seeded history for the dashboard tests.',
        requester: { email: `history${i}@example.com` },
        category,
        fields: { madeSla: !network },
      });
      clock.set(new Date(at + 3 * 3_600_000));
      await desk.execute(
        ticket.id,
        { type: 'resolve', code: 'solved', note: 'Seeded.' },
        { actor },
      );
    }
  }
}
