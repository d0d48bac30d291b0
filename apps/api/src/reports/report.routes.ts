/**
 * `GET /reports/:id.md.zip`, `/reports/:id.html`, `/reports/:id.pdf`: a report's exports for
 * the dashboard's download buttons (the paths `Report.downloads` gives). Tokens as for /graphql
 * (`Authorization: Bearer <token>`, any scope: downloading is reading); refusals as
 * GraphQL-shaped JSON errors with the usual codes (404 for an unknown id, 503 when the server
 * has no Chromium to print the PDF with, saying how to get one).
 */
import { Router, type Request, type Response } from 'express';
import type { Authenticator } from '../auth/authenticator.js';
import { ErrorCode, RateLimitedError, SaddleError, UnauthenticatedError } from '../errors.js';
import { sendGraphQLError } from '../http/http-errors.js';
import { ChromiumMissingError, htmlToPdf, markdownZip, reportHtml } from './report.export.js';
import type { ReportService } from './report.service.js';

const STATUS_OF_CODE: Partial<Record<string, number>> = {
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.RATE_LIMITED]: 429,
};

const FORMATS = {
  'md.zip': { type: 'application/zip', extension: 'md.zip' },
  html: { type: 'text/html; charset=utf-8', extension: 'html' },
  pdf: { type: 'application/pdf', extension: 'pdf' },
} as const;

type Format = keyof typeof FORMATS;

export function createReportRouter(deps: { reports: ReportService; authenticator: Authenticator }): Router {
  const router = Router();
  const authorize = async (req: Request): Promise<void> => {
    const { auth } = await deps.authenticator.authenticate(req.headers.authorization, req.socket.remoteAddress);
    if (auth.required && !auth.scope) throw new UnauthenticatedError();
  };
  const answer = (res: Response, error: unknown): void => {
    if (error instanceof ChromiumMissingError) return sendGraphQLError(res, 503, error);
    if (!(error instanceof SaddleError)) throw error;
    if (error instanceof RateLimitedError) res.setHeader('retry-after', String(error.extensions.retryAfterSeconds));
    sendGraphQLError(res, STATUS_OF_CODE[String(error.extensions.code)] ?? 400, error);
  };

  // One route: the id is everything before the format's extension (ids are UUIDs, without dots).
  router.get(/^\/reports\/([^/]+?)\.(md\.zip|html|pdf)$/, async (req, res) => {
    try {
      await authorize(req);
      const params = req.params as unknown as Record<string, string>;
      const id = decodeURIComponent(params[0] ?? '');
      const format = params[1] as Format;
      const report = await deps.reports.require(id);
      const body = format === 'md.zip' ? Buffer.from(await markdownZip(report)) : format === 'html' ? Buffer.from(await reportHtml(report)) : await htmlToPdf(await reportHtml(report));
      res.status(200);
      res.setHeader('content-type', FORMATS[format].type);
      res.setHeader('content-length', String(body.length));
      res.setHeader('content-disposition', `attachment; filename="report-${id.replace(/[^A-Za-z0-9-]/g, '')}.${FORMATS[format].extension}"`);
      // A report is live data: a download is always today's.
      res.setHeader('cache-control', 'no-store');
      res.end(body);
    } catch (error) {
      answer(res, error);
    }
  });
  return router;
}
