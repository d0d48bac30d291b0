// Public surface of the engine's data area; re-exported by src/index.ts.
export { inputShapeOf, numClassesOf, outputSizeOf } from './shapes.js';
export type { Dataset, DataSplit } from './dataset.js';
export { dataCacheDir, standardizeChannels } from './dataset.js';
export { checkDataAvailable, loadDataset } from './load.js';
export { targetFunction, targetName, targetOf, grid, loadFunctionDataset } from './functions.js';
export { checkExpressionFinite, compileExpression, ExpressionError, EXPRESSION_VOCABULARY, MAX_EXPRESSION_LENGTH } from './expression.js';
export { loadMnistDataset, loadMnistRaw, MNIST_COUNT, MNIST_SPLIT_SEED } from './mnist.js';
export { loadCifar10Dataset, CIFAR10_TRAIN_FILES, CIFAR10_TEST_FILE, CIFAR10_URL } from './cifar10.js';
export { withRandomLabels } from './random-labels.js';
export { BatchSampler, gatherExamples } from './batches.js';
export type { SamplerState } from './batches.js';
