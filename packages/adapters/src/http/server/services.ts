/**
 * Optional desk services the HTTP API serves when they are configured:
 * each feature module adds its own field here, and its routes answer
 * 404 FEATURE_OFF-style errors when the field is absent.
 */
export interface HttpServices {
  /** Reserved so the interface is never empty; ignored. */
  readonly _?: never;
}
