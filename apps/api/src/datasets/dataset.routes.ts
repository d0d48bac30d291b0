/**
 * `POST /datasets/:name?file=<file name>[&target=<column>][&task=classification|regression]`:
 * the file's bytes as the body (any content type; `curl --data-binary @wine.csv`), registered
 * under `name` — CSV, .npy, .npz, or a .zip of an image folder, chosen by the file name's
 * extension. Tokens as for /graphql (a write token when tokens are required). Answers 201 with
 * the dataset as Query.datasets lists it, or a GraphQL-shaped JSON error: 400 naming the problem
 * in the file or a taken name (nothing is stored), 401/403 without a (write) token, 413 over the
 * size limit (`SADDLE_DATASET_MAX_BYTES`, default 256 MiB).
 */
import express, { Router, type Request, type Response } from 'express';
import type { Authenticator } from '../auth/authenticator.js';
import { BadInputError, ErrorCode, ForbiddenError, LimitExceededError, SaddleError, UnauthenticatedError } from '../errors.js';
import { sendGraphQLError } from '../http/http-errors.js';
import type { DatasetService } from './dataset.service.js';
import { toDatasetObject } from './dataset.type.js';

const STATUS_OF_CODE: Partial<Record<string, number>> = {
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.LIMIT_EXCEEDED]: 413,
};

export function createDatasetRouter(deps: { datasets: DatasetService; authenticator: Authenticator; maxBytes: number }): Router {
  const router = Router();
  const answer = (res: Response, error: unknown): void => {
    if (!(error instanceof SaddleError)) throw error;
    sendGraphQLError(res, STATUS_OF_CODE[String(error.extensions.code)] ?? 400, error);
  };
  // Auth before the body is read, so an unauthorised client cannot make the server buffer 256 MB.
  const authorize = async (req: Request, res: Response, next: () => void): Promise<void> => {
    try {
      const { auth } = await deps.authenticator.authenticate(req.headers.authorization, req.socket.remoteAddress);
      if (auth.required && !auth.scope) throw new UnauthenticatedError();
      if (auth.required && auth.scope !== 'write') throw new ForbiddenError('this token has scope `read`; uploading a dataset needs a token created with --scope write');
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > deps.maxBytes) throw new LimitExceededError('dataset upload size (bytes)', deps.maxBytes, declared, 413);
      next();
    } catch (error) {
      answer(res, error);
    }
  };
  const body = express.raw({ type: () => true, limit: deps.maxBytes });
  router.post('/datasets/:name', authorize, (req, res, next) => {
    body(req, res, (error?: unknown) => {
      if (error) {
        const status = (error as { status?: number }).status;
        if (status === 413) return answer(res, new LimitExceededError('dataset upload size (bytes)', deps.maxBytes, Number((error as { length?: number }).length ?? 0), 413));
        return next(error);
      }
      try {
        const name = String(req.params.name);
        const fileName = typeof req.query.file === 'string' ? req.query.file : '';
        if (fileName === '') throw new BadInputError('give the file name as ?file=<name>.csv|.npy|.npz|.zip: its extension picks the format', ['file']);
        const task = req.query.task;
        if (task !== undefined && task !== 'classification' && task !== 'regression') throw new BadInputError(`task must be classification or regression, got ${JSON.stringify(task)}`, ['task'], ['classification', 'regression']);
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        if (bytes.length === 0) throw new BadInputError('the request body is empty; send the file itself (curl --data-binary @file)', ['file']);
        const meta = deps.datasets.addBytes(name, fileName, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), {
          ...(typeof req.query.target === 'string' && { target: req.query.target }),
          ...(task !== undefined && { task }),
        });
        res.status(201).json({ data: { dataset: toDatasetObject(meta) } });
      } catch (caught) {
        answer(res, caught);
      }
    });
  });
  return router;
}
