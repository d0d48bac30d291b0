/** What the client throws: the server's GraphQL error (its code and field path), or a transport failure. */

export interface GraphQLErrorShape {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

export class SaddleClientError extends Error {
  override readonly name = 'SaddleClientError';
  /**
   * The server's `extensions.code` (`BAD_USER_INPUT`, `NOT_FOUND`, `CONFLICT`, `UNAUTHENTICATED`,
   * `LIMIT_EXCEEDED`, …), or `NETWORK` when no answer came, `HTTP_<status>` for an answer that was
   * not GraphQL.
   */
  readonly code: string;
  /** For BAD_USER_INPUT: the input field at fault, e.g. `["input", "config", "lr"]`. */
  readonly field: readonly (string | number)[] | undefined;
  /** Every error of the answer (the first is this one's message). */
  readonly errors: readonly GraphQLErrorShape[];

  constructor(message: string, code: string, errors: readonly GraphQLErrorShape[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.errors = errors;
    const field = errors[0]?.extensions?.path;
    this.field = Array.isArray(field) ? (field as (string | number)[]) : undefined;
  }

  /** The error of a GraphQL answer: the first error's message and code, prefixed by what was being done. */
  static fromGraphQL(operation: string, errors: readonly GraphQLErrorShape[]): SaddleClientError {
    const first = errors[0];
    const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : 'GRAPHQL_ERROR';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    return new SaddleClientError(`${operation}: ${first?.message ?? 'the server answered with errors'}${more}`, code, errors);
  }
}
