import { validationError } from '@ticketry/core';

/**
 * A URL's query as an object for a zod schema. Names in `multi` keep
 * every value, repeated or comma-separated; any other name given more
 * than once is a 422 at that name, so `?limit=1&limit=2` never picks
 * one of them silently.
 */
export function queryOf(
  url: URL,
  multi: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    if (multi.has(name)) {
      query[name] = values.flatMap((v) => v.split(',')).filter(Boolean);
    } else if (values.length > 1) {
      throw validationError('query', [
        {
          code: 'custom',
          path: [name],
          message: `${name} was given more than once; send it once`,
          input: values,
        },
      ]);
    } else {
      query[name] = values[0];
    }
  }
  return query;
}
