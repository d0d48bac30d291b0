/**
 * @saddle/schema — the GraphQL contract of Saddle's API: typed documents (TypedDocumentNode) for
 * every operation in src/documents, generated from the committed schema.graphql by GraphQL Code
 * Generator's client preset. The SDL itself is exported as `@saddle/schema/schema.graphql`.
 */
export * from './generated/graphql.js';
export { graphql } from './generated/gql.js';
