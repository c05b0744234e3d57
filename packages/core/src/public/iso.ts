import { ZodMiniISODate, ZodMiniISODateTime } from 'zod/mini';
import { _isoDate, _isoDateTime } from 'zod/v4/core';

/**
 * `z.iso.datetime()` and `z.iso.date()`, built the way zod/mini builds
 * them, without going through the `z.iso` namespace: a bundler keeps a
 * namespace it cannot see through whole (duration and time included),
 * plus a helper to build it, in every browser bundle of these schemas.
 */
export const isoDateTime = () => _isoDateTime(ZodMiniISODateTime);

/** `z.iso.date(params)`; see {@link isoDateTime}. */
export const isoDate = (params?: { error?: string }) =>
  _isoDate(ZodMiniISODate, params);
