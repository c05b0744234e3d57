/**
 * Documented size limits. The server answers 422 naming the field when a
 * value is over its limit, and the widget checks the same numbers.
 */
export const LIMITS = {
  /** Characters in a subject, after trimming. */
  subject: 200,
  /** Characters in a description or a message body. */
  body: 20_000,
  /** Characters in a requester's display name. */
  name: 120,
  /** Characters in an email address (RFC 5321). */
  email: 254,
  /** Characters in a category, type, code or tag. */
  label: 64,
  /** Tags on one ticket. */
  tags: 20,
  /** Custom fields on one ticket. */
  fields: 50,
  /** Characters in a custom field's text value. */
  fieldValue: 2_000,
  /** Attachments on one submission. */
  attachments: 10,
  /** The largest attachment cap a desk may configure, in bytes. */
  attachmentBytes: 25 * 1024 * 1024,
  /** Bytes in one HTTP request body. */
  requestBytes: 256 * 1024,
} as const;
