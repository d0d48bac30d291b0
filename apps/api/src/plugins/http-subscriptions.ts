/**
 * Subscriptions are served over WebSocket only (graphql-ws at /graphql). Sent over HTTP, graphql-js
 * would run the subscription field's resolver as if it were a query field, without an event,
 * and the client would get a masked INTERNAL error; this plugin refuses it first, with a 400
 * BAD_REQUEST that says where subscriptions are served.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, SaddleError } from '../errors.js';

export class SubscriptionOverHttpError extends SaddleError {
  constructor() {
    super(
      ErrorCode.BAD_REQUEST,
      'subscriptions are served over WebSocket (the graphql-ws protocol, ws://<host>/graphql); HTTP answers queries and mutations',
      {},
      400,
    );
  }
}

export function createHttpSubscriptionPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'subscription') throw new SubscriptionOverHttpError();
        },
      };
    },
  };
}
