import type { CombinedError } from 'urql';

/** API errors of a mutation, split into those that name an input field and the rest. */
export interface FieldErrors {
  /** By the field's key inside the input (`preset`, `scale`, `optimizer.lr`, ...). */
  byField: Record<string, string>;
  /** Errors that name no field (network down, internal error, ...). */
  general: string[];
}

/**
 * Reads the API's BAD_USER_INPUT errors, whose `extensions.path` says where the bad value is
 * (`['input', 'overrides', 'optimizer.lr']`): the field is the last element under `input`/`overrides`.
 */
export function fieldErrors(error: CombinedError | undefined): FieldErrors {
  const result: FieldErrors = { byField: {}, general: [] };
  if (!error) return result;
  if (error.networkError) result.general.push(`Cannot reach the API: ${error.networkError.message}`);
  for (const graphQLError of error.graphQLErrors) {
    const path = graphQLError.extensions?.path;
    const allowed = graphQLError.extensions?.allowed;
    // The message often says what was expected already; repeat `allowed` only when it adds something.
    const hint = Array.isArray(allowed)
      ? ` (one of: ${allowed.join(', ')})`
      : typeof allowed === 'string' && !graphQLError.message.includes(allowed)
        ? ` (expected ${allowed})`
        : '';
    if (Array.isArray(path) && path.length > 0) {
      const parts = path.map(String).filter((part) => part !== 'input' && part !== 'overrides');
      const field = parts.length > 0 ? parts.join('.') : String(path[path.length - 1]);
      result.byField[field] = `${graphQLError.message}${hint}`;
    } else {
      result.general.push(graphQLError.message);
    }
  }
  return result;
}

/** One line for an error of a query, for error states. */
export function errorText(error: CombinedError): string {
  if (error.networkError) return `Cannot reach the API (${error.networkError.message}). It may be restarting; the page retries when it is back.`;
  return error.graphQLErrors.map((e) => e.message).join('; ') || error.message;
}
