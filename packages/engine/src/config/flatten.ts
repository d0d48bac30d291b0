/**
 * Nested JSON config → dotted paths (`optimizer.lr`, `layers.0.units`), the one representation
 * runs are filtered, grouped and displayed by, whether the config came from a script's
 * `createRun` or from the effective spec of a preset or sweep run.
 */

/** A leaf of a flattened config: a scalar, or an empty list / object (kept so nothing is lost). */
export type FlatConfigValue = string | number | boolean | null | readonly never[] | Readonly<Record<string, never>>;

/** Dotted path → leaf, in the order the leaves occur in the nested config. */
export type FlatConfig = Record<string, FlatConfigValue>;

/**
 * Flattens a nested JSON object: object keys and list indices are joined with `.`; scalars and
 * empty containers are leaves. `undefined` members are skipped, as `JSON.stringify` skips them.
 * Throws naming the path when a value is not JSON (a function, a non-finite number, a Date, …)
 * or when two paths collide (a key that itself contains a dot, e.g. `{ "a.b": 1, a: { b: 2 } }`).
 */
export function flattenConfig(config: Readonly<Record<string, unknown>>): FlatConfig {
  const flat: FlatConfig = {};
  const put = (path: string, value: FlatConfigValue): void => {
    if (Object.prototype.hasOwnProperty.call(flat, path)) {
      throw new Error(`flattenConfig: two values flatten to the path "${path}" (a key that contains a dot collides with a nested key); rename one of them`);
    }
    flat[path] = value;
  };
  const visit = (value: unknown, path: string): void => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') {
      put(path, value);
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error(`flattenConfig: "${path}" is ${value}; config numbers must be finite (JSON has no NaN or Infinity)`);
      put(path, value);
    } else if (Array.isArray(value)) {
      if (value.length === 0) put(path, []);
      value.forEach((item: unknown, index) => visit(item, `${path}.${index}`));
    } else if (isPlainObject(value)) {
      const entries = Object.entries(value).filter(([, member]) => member !== undefined);
      if (entries.length === 0) put(path, {});
      for (const [key, member] of entries) visit(member, `${path}.${key}`);
    } else {
      const kind = value === undefined ? 'undefined' : typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
      throw new Error(`flattenConfig: "${path}" is a ${kind}; config values must be JSON: null, a boolean, a number, a string, a list or an object`);
    }
  };
  for (const [key, value] of Object.entries(config)) {
    if (value !== undefined) visit(value, key);
  }
  return flat;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
