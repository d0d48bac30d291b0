/**
 * `PUT /artifacts/runs/:runId/:name` (upload; a `write` token when tokens are required) and
 * `GET /artifacts/runs/:runId/:name` (download; any valid token). Tokens as for /graphql
 * (`Authorization: Bearer <token>`), refusals as GraphQL-shaped JSON errors with the usual codes.
 */
import { createReadStream } from 'node:fs';
import { Router, type Request, type Response } from 'express';
import type { Authenticator } from '../auth/authenticator.js';
import { ErrorCode, ForbiddenError, RateLimitedError, SaddleError, UnauthenticatedError } from '../errors.js';
import { sendGraphQLError } from '../http/http-errors.js';
import type { ArtifactService } from './artifact.service.js';

const STATUS_OF_CODE: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.LIMIT_EXCEEDED]: 413,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.STORAGE_FULL]: 507,
};

export function createArtifactRouter(deps: { artifacts: ArtifactService; authenticator: Authenticator }): Router {
  const router = Router();
  const authorize = async (req: Request, scope: 'read' | 'write'): Promise<void> => {
    const { auth } = await deps.authenticator.authenticate(req.headers.authorization, req.socket.remoteAddress);
    if (!auth.required) return;
    if (!auth.scope) throw new UnauthenticatedError();
    if (scope === 'write' && auth.scope !== 'write') throw new ForbiddenError('this token has scope `read`; uploading needs a token created with --scope write');
  };
  const answer = (res: Response, error: unknown): void => {
    if (!(error instanceof SaddleError)) throw error;
    if (error instanceof RateLimitedError) res.setHeader('retry-after', String(error.extensions.retryAfterSeconds));
    const code = String(error.extensions.code);
    sendGraphQLError(res, STATUS_OF_CODE[code] ?? 400, error);
  };

  router.put('/artifacts/runs/:runId/:name', async (req, res) => {
    try {
      await authorize(req, 'write');
      const query = (key: string): string | undefined => (typeof req.query[key] === 'string' ? req.query[key] : undefined);
      const announced = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
      const entry = await deps.artifacts.upload(req.params.runId, req.params.name, req, {
        contentType: req.headers['content-type'],
        contentLength: announced,
        thetaLength: query('thetaLength'),
        stateLength: query('stateLength'),
        step: query('step'),
        epoch: query('epoch'),
      });
      res.status(201).json({ artifact: entry });
    } catch (error) {
      // The rest of a refused body is not read: close the connection once the answer is out.
      if (!req.complete) res.setHeader('connection', 'close');
      answer(res, error);
    }
  });

  router.get('/artifacts/runs/:runId/:name', async (req, res) => {
    try {
      await authorize(req, 'read');
      const { entry, file } = await deps.artifacts.open(req.params.runId, req.params.name);
      res.status(200);
      res.setHeader('content-type', entry.contentType);
      res.setHeader('content-length', String(entry.size));
      res.setHeader('content-disposition', `attachment; filename="${entry.kind === 'file' ? entry.name : `${req.params.runId}-${entry.name}.bin`}"`);
      if (entry.sha256) res.setHeader('x-saddle-sha256', entry.sha256);
      if (entry.thetaLength !== null) res.setHeader('x-saddle-theta-length', String(entry.thetaLength));
      if (entry.stateLength !== null) res.setHeader('x-saddle-state-length', String(entry.stateLength));
      if (entry.step !== null) res.setHeader('x-saddle-step', String(entry.step));
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch (error) {
      answer(res, error);
    }
  });
  return router;
}
