/** What every resolver receives: the services and who is asking. */
import type { DatasetService } from './datasets/dataset.service.js';
import type { ArtifactService } from './artifacts/artifact.service.js';
import type { EngineInfoService } from './engine-info/engine-info.service.js';
import type { ExperimentService } from './experiments/experiment.service.js';
import type { LiveEventService } from './pubsub/live-events.js';
import type { MetricService } from './metrics/metric.service.js';
import type { RunSearchService } from './run-search/run-search.service.js';
import type { ReloadableCatalogue } from './presets/catalogue.js';
import type { ReportService } from './reports/report.service.js';
import type { SuiteService } from './reports/suite.service.js';
import type { RunService } from './runs/run.service.js';
import type { RunAnalysisService } from './runs/run-analysis.service.js';
import type { TokenScope } from './store/records.js';

export interface Services {
  experiments: ExperimentService;
  runs: RunService;
  metrics: MetricService;
  /** The presets, reloadable (reloadPresets, SIGHUP). */
  catalogue: ReloadableCatalogue;
  engineInfo: EngineInfoService;
  /** The streams behind the subscriptions. */
  live: LiveEventService;
  /** Query.runs: runs across experiments by config, final metrics and more. */
  runSearch: RunSearchService;
  /** Suites: the whole catalogue as one launch. */
  suites: SuiteService;
  /** Reports assembled from live data, and their notes. */
  reports: ReportService;
  /** Runs' weights and files, uploaded and downloaded over HTTP (artifacts/artifact.routes.ts). */
  artifacts: ArtifactService;
  /** analyzeRun: analyses of a run's weights, queued as analysis jobs. */
  runAnalyses: RunAnalysisService;
  /** Named datasets registered from users' files (datasets/dataset.service.ts). */
  datasets: DatasetService;
}

export interface AuthState {
  /** Off loopback, or with SADDLE_AUTH=required: every request needs a token. */
  required: boolean;
  /** The presented token's scope; null when none was presented. */
  scope: TokenScope | null;
  tokenId: string | null;
}

export interface SaddleContext {
  services: Services;
  auth: AuthState;
}
