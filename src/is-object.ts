// The one narrowing of outside data (`unknown`) to a plain JSON-like object, shared by every folder that reads it.

/** True for a non-null object that is not an array: a JSON object, or an object whose keys can be read as one. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
