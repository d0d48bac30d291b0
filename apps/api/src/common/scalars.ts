/** Scalars shared by the schema: free-form JSON (specs, configs, figure data) and ISO timestamps. */
export { GraphQLJSON as JSONScalar, GraphQLJSONObject as JSONObjectScalar, GraphQLDateTimeISO as DateTimeScalar } from 'graphql-scalars';
