/** An address and, when known, the name that goes with it. */
export interface MailAddress {
  address: string;
  name?: string | null;
}

/** What an outgoing notification is about. */
export type NotificationKind =
  | 'acknowledgement'
  | 'reply'
  | 'reminder'
  | 'resolved'
  | 'closed';

/**
 * One message the desk sends: text and HTML, threading headers, and
 * the headers that keep auto-responders from answering it.
 */
export interface OutgoingMail {
  kind: NotificationKind;
  ticketId: string;
  ref: string;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  text: string;
  html: string;
  /** Ours, in angle brackets: `<ticketry.…@desk.example>`. */
  messageId: string;
  /** The message this one answers, in angle brackets, or null. */
  inReplyTo: string | null;
  /** The thread so far, oldest first, each in angle brackets. */
  references: string[];
  /** `Auto-Submitted: auto-generated` and the other loop guards. */
  headers: Record<string, string>;
}

/**
 * Where outgoing mail goes: SMTP (`createSmtpTransport`), a folder of
 * `.eml` files (`createOutboxTransport`), memory for tests, or your own.
 */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  /** Releases connections; called by the owner, not by the notifier. */
  close?(): Promise<void>;
}

/** What the intake did with one message. */
export interface IntakeResult {
  outcome: 'created' | 'replied' | 'ignored';
  /** Why, as a stable word: `new_ticket`, `duplicate`, `own_address`… */
  reason: IntakeReason;
  /** The ticket it created or answered; absent when nothing matched. */
  ticket?: { id: string; ref: string };
  /** The CC addresses that became watchers. */
  cc: string[];
}

/** The stable reasons of an {@link IntakeResult}. */
export type IntakeReason =
  | 'new_ticket'
  | 'follow_up'
  | 'requester_reply'
  | 'agent_reply'
  | 'agent_note'
  | 'third_party_note'
  | 'automatic_note'
  | 'bounce'
  | 'duplicate'
  | 'in_progress'
  | 'own_address'
  | 'own_message';
