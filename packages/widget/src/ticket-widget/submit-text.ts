/**
 * English words of the submitting extras (custom fields, attachments,
 * offline queue), in one place so the i18n module can take them over.
 * `{name}`-style holes are filled with `format` from `./i18n`.
 */
export const SUBMIT_TEXT = {
  attachments: 'Attachments',
  choose: 'Choose…',
  attachHint: 'Up to {count} files, {size} each: {types}',
  uploading: 'Uploading attachments',
  tooBig: '{name} is larger than {size}',
  badType: '{name} is not a type this form accepts',
  tooMany: 'Attach at most {count} files',
  queued: 'Saved on this device. It will be sent when you are back online.',
  sentLater: 'Your saved request was sent. Your reference is {ref}.',
  droppedLater: 'A saved request could not be sent: {message}',
};

/** A size in bytes as people read it: `512 B`, `40 KB`, `5 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
