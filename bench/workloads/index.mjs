/** The benchmark's workloads, in the order of the table in docs/performance.md. */
import cnnInference from './cnn-inference.mjs';
import cnnTrainStep, { cnnTrainStepRaw } from './cnn-train-step.mjs';
import eigvalsh from './eigvalsh.mjs';
import ensembleMlp from './ensemble-mlp.mjs';
import ensembleTrain from './ensemble-train.mjs';
import hessianMlp from './hessian-mlp.mjs';
import landscapeCnn from './landscape-cnn.mjs';
import minimalRatioQuick from './minimal-ratio-quick.mjs';
import mlpAdamStep from './mlp-adam-step.mjs';
import trainCnnEpoch from './train-cnn-epoch.mjs';

export const workloads = [mlpAdamStep, cnnTrainStep, cnnTrainStepRaw, cnnInference, hessianMlp, eigvalsh, ensembleMlp, ensembleTrain, trainCnnEpoch, landscapeCnn, minimalRatioQuick];
