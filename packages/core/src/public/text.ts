/**
 * True when text holds a control character other than tab, line feed
 * and carriage return, or half of a surrogate pair: NUL, escape, bell
 * and the like have no place in a subject, a message or an id, and
 * break logs and terminals; a lone surrogate is not text at all.
 */
export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 9 || code === 10 || code === 13) continue;
    if (code < 32 || code === 127) return true;
    if (code >= 0xd800 && code <= 0xdfff) {
      // A surrogate must be a high one followed by a low one; a lone
      // half is not a character and cannot be stored as UTF-8.
      const next = text.charCodeAt(i + 1);
      if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    }
  }
  return false;
}

/**
 * Explicit direction controls: embeddings and overrides (U+202A to
 * U+202E) and isolates (U+2066 to U+2069). In one line of text (a
 * subject, a name, a file name, a label) they serve mostly to disguise
 * it: `invoice\u202Egnp.exe` shows as `invoiceexe.png`. The plain marks
 * U+200E and U+200F, which right-to-left writing needs, stay allowed.
 */
export const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/** True when a one-line text holds a direction control. */
export const hasDirectionControls = (text: string): boolean =>
  DIRECTION_CONTROLS.test(text);

const EVERY_DIRECTION_CONTROL = new RegExp(DIRECTION_CONTROLS.source, 'g');

/** The text without its direction controls, for input that cannot be refused. */
export const stripDirectionControls = (text: string): string =>
  text.replace(EVERY_DIRECTION_CONTROL, '');

/** The same test as a zod refinement predicate: true when clean. */
export const withoutDirectionControls = (text: string): boolean =>
  !hasDirectionControls(text);

/** The same test as a zod refinement predicate: true when clean. */
export const withoutControlCharacters = (text: string): boolean =>
  !hasControlCharacters(text);

/** Ids: letters, digits and `. _ : @ -`, starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

/**
 * Email addresses, internationalised ones included (RFC 6531): a local
 * part of 1 to 64 characters without spaces, quotes, `@` or leading,
 * trailing or doubled dots; a domain of dot-separated labels of letters
 * (any script), digits and inner hyphens, ending in a top-level label
 * that starts with a letter (`xn--` forms pass).
 */
export const EMAIL_PATTERN =
  /^(?!\.)(?!.*\.\.)[^\s@"<>()[\]\\,;:]{1,64}(?<!\.)@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}[\p{L}\p{N}-]{1,62}$/u;

/** What is wrong with a file name, as {@link fileNameProblem} says it. */
export type FileNameProblem =
  | 'empty'
  | 'dots'
  | 'control'
  | 'direction'
  | 'long';

/**
 * Why a file name (its last path segment, trimmed) cannot be kept, or
 * null: empty, dots alone (`.`, `..` name folders), a control character
 * (line breaks and tabs included), a direction override, or over 200
 * characters. The server refuses such an upload; the widget says so
 * before sending.
 */
export function fileNameProblem(base: string): FileNameProblem | null {
  if (!base) return 'empty';
  if (/^\.+$/.test(base)) return 'dots';
  if (hasControlCharacters(base) || /[\t\n\r]/.test(base)) return 'control';
  if (hasDirectionControls(base)) return 'direction';
  return base.length > 200 ? 'long' : null;
}
