/**
 * The kinds of custom field and the attachment types, as plain data: a
 * module without zod, so a browser bundle that needs only these lists
 * (the widget's file picker) does not pull the schema library.
 */

/** The kinds of custom field a form may hold. */
export const FIELD_KINDS = [
  'text',
  'longText',
  'select',
  'checkbox',
  'date',
] as const;

export type FieldKind = (typeof FIELD_KINDS)[number];

/**
 * Attachment types a desk may allow, each with the file name endings
 * the widget offers. The server recognises each from its first bytes.
 */
export const ATTACHMENT_TYPES = {
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/gif': ['.gif'],
  'application/pdf': ['.pdf'],
  'application/zip': ['.zip'],
  'text/plain': ['.txt', '.log'],
} as const;

export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
