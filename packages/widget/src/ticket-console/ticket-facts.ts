/**
 * The Details of a ticket: its fields, who filed it (name and email
 * from `GET /requesters/:id`) and the classifier's guess
 * (`GET /tickets/:id/suggestion`), and how the conversation names its
 * authors.
 */
import { html, nothing } from 'lit';
import type { AuditEvent } from './console-types.js';
import type { OpenTicket } from './ticket-console.js';
import type { RequesterInfo } from './ticket-load.js';

/** How the conversation and the timeline name the requester. */
export function requesterName(info: RequesterInfo): string {
  if (info.state === 'known') return info.name ?? info.email;
  if (info.state === 'erased') return 'Requester (erased)';
  return 'Requester';
}

/** The author of an event: the requester by name, others by role and id. */
export function authorOf(open: OpenTicket, actor: AuditEvent['actor']) {
  const own = !actor.id || actor.id === open.ticket.requesterId;
  if (actor.role === 'requester' && own) return requesterName(open.requester);
  return actor.id ? `${actor.role} ${actor.id}` : actor.role;
}

function requesterRows(info: RequesterInfo): [string, string][] {
  switch (info.state) {
    case 'known':
      return [
        ['Requester', info.name ?? 'no name given'],
        ['Email', info.email],
      ];
    case 'erased':
      return [['Requester', 'erased: their name and email were removed']];
    case 'missing':
      return [['Requester', 'unknown to the desk']];
    case 'failed':
      return [['Requester', 'could not be loaded']];
  }
}

/**
 * Whether the desk applied the model's own category: it triaged the
 * ticket, the model was sure enough, and no rule set another category
 * (rules decide first; the ticket's category tells which won).
 */
export function modelApplied(open: OpenTicket): boolean {
  const g = open.guess;
  if (!g?.applied || g.category === null) return false;
  if (g.confidence < g.threshold) return false;
  return g.rules.length === 0 || open.ticket.category === g.category;
}

/** The classifier's guess: category, confidence, applied or not. */
function guess(open: OpenTicket) {
  const g = open.guess;
  if (!g) return nothing;
  const confidence = `${Math.round(g.confidence * 100)}%`;
  const what = g.category ? `${g.category}, ${confidence}` : 'no category';
  const applied = modelApplied(open);
  const verdict = applied
    ? 'applied'
    : g.applied
      ? 'suggested only; rules triaged the ticket'
      : 'suggested only';
  return html`<dt>Model's guess</dt>
    <dd class="guess">
      ${what},
      <span class=${applied ? 'applied' : ''}>${verdict}</span>
      ${g.reason ? html`<div class="muted">${g.reason}</div>` : nothing}
    </dd>`;
}

/** The Details list of the open ticket. */
export function facts(open: OpenTicket) {
  const t = open.ticket;
  const rows: [string, string][] = [
    [
      'Status',
      t.status.replace('_', ' ') +
        (t.pendingReason ? ` (${t.pendingReason})` : ''),
    ],
    ...requesterRows(open.requester),
    ['Priority', t.priority ?? '–'],
    ['Team', t.teamId ?? '–'],
    ['Assignee', t.assigneeId ?? 'nobody'],
    ['Category', t.category ?? '–'],
    ['Channel', t.channel],
  ];
  return html`<dl>
    ${rows.map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}
    ${guess(open)}
  </dl>`;
}
