/**
 * True when text holds a control character other than tab, line feed
 * and carriage return: NUL, escape, bell and the like have no place in
 * a subject, a message or an id, and break logs and terminals.
 */
export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 9 || code === 10 || code === 13) continue;
    if (code < 32 || code === 127) return true;
  }
  return false;
}

/** The same test as a zod refinement predicate: true when clean. */
export const withoutControlCharacters = (text: string): boolean =>
  !hasControlCharacters(text);

/** Ids: letters, digits and `. _ : @ -`, starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;
