/**
 * Size limits of the API, in one place (they are part of the contract for scripts). Exceeding
 * one answers LIMIT_EXCEEDED naming the limit; they exist so one request cannot pin the server.
 */
export const LIMITS = {
  /**
   * Bytes of one request: an HTTP body, and a WebSocket frame (ws maxPayload), so no message is
   * accepted on one transport that the other refuses. 20 MiB holds a logMetrics batch of 10,000
   * points with long keys many times over.
   */
  requestBytesMax: 20 * 1024 * 1024,
  /** `experiments(first)`: default and maximum page size. */
  experimentsPageDefault: 20,
  experimentsPageMax: 100,
  /** `runs(first)` (Query.runs, across experiments): default and maximum page size. */
  runsPageDefault: 50,
  runsPageMax: 1000,
  /** `runsById(ids)`: runs per request (the compare view asks for every picked run at once). */
  runsByIdMax: 500,
  /** `runs(filter, orderBy)`: conditions (config + final) and sort keys at most. */
  runConditionsMax: 32,
  /** `Run.metrics(maxPoints)`: default and maximum points per series after downsampling. */
  maxPointsDefault: 1000,
  maxPointsMax: 10_000,
  /** `Run.metrics(keys)`: series per request. */
  seriesPerRequestMax: 50,
  /** `Run.metricPage(first)`: default and maximum unsampled points per page. */
  metricPageDefault: 1000,
  metricPageMax: 10_000,
  /** `logMetrics(points)`: points per batch. */
  logMetricsBatchMax: 10_000,
  tagsMax: 32,
  tagLengthMax: 64,
  nameLengthMax: 200,
  notesLengthMax: 100_000,
  metricKeyLengthMax: 200,
  /** `createRun(config)`: bytes of the config's JSON (nested configs are welcome; datasets are not). */
  configBytesMax: 256 * 1024,
  /** `setSummary(summary)`: bytes of a run summary's JSON, after merging. */
  summaryBytesMax: 256 * 1024,
  /** `PUT /artifacts/runs/:id/:name`: bytes of one uploaded file (weights or any other), streamed to disk. */
  artifactBytesMax: 1024 * 1024 * 1024,
} as const;
