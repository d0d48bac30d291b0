/**
 * type-graphql's auth checker: `@Authorized('write')` marks mutations. Reads need any valid token
 * (checked when the request's context is built); writes need a `write` token.
 */
import type { AuthChecker } from 'type-graphql';
import type { SaddleContext } from '../context.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { TokenScope } from '../store/records.js';

export const authChecker: AuthChecker<SaddleContext, TokenScope> = ({ context }, scopes) => {
  if (!context.auth.required) return true;
  if (!context.auth.scope) throw new UnauthenticatedError();
  if (scopes.includes('write') && context.auth.scope !== 'write') {
    throw new ForbiddenError('this token has scope `read`; this operation needs a token created with --scope write');
  }
  return true;
};
