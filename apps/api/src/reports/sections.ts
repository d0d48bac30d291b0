/**
 * The sections of the HW1 report, in HW1's order: HW1-1 (deep vs shallow on a function and on a
 * real task), HW1-2 (the optimisation process, gradient norm, near-zero gradient, the error
 * surface), HW1-3 (random labels, parameters vs generalisation, flatness parts 1 and 2). One
 * section per catalogue preset; the verdicts under each claim are the engine's `findingsOf`,
 * computed from the stored data — this table holds only what HW1 asks and claims, in words.
 */
import type { PresetId } from '@saddle/engine';

export interface ReportSectionDefinition {
  /** Stable key, the address of the section's note: `hw1-1-simulate-function`. */
  key: string;
  /** `HW1-1`, `HW1-2` or `HW1-3`. */
  part: string;
  title: string;
  /** The question HW1 asks, in one sentence. */
  question: string;
  /** The claim HW1 makes, in one sentence; the verdicts test its parts. */
  claim: string;
  preset: PresetId;
}

export const HW1_SECTIONS: readonly ReportSectionDefinition[] = [
  {
    key: 'hw1-1-simulate-function',
    part: 'HW1-1',
    title: 'Simulate a function',
    question: 'With the same number of parameters, does a deeper network fit a one-dimensional function better than a shallow one?',
    claim: 'At an equal parameter count, the deep MLP reaches a lower training loss on sin(5x)/(5x) and sgn(sin(5πx)) than the shallow one.',
    preset: 'fit-function',
  },
  {
    key: 'hw1-1-train-on-actual-task',
    part: 'HW1-1',
    title: 'Train on an actual task',
    question: 'With the same number of parameters, does a deeper CNN learn MNIST better than a shallow one?',
    claim: 'At ~34.6k parameters, the deep CNN reaches a lower training loss and a higher test accuracy than the shallow one.',
    preset: 'train-cnn',
  },
  {
    key: 'hw1-2-visualize-optimization',
    part: 'HW1-2',
    title: 'Visualise the optimisation process',
    question: 'What do the weights of several trainings of one model do, seen in the first two principal components?',
    claim: 'Trainings from different initialisations follow distinct paths in weight space, whole model and single layer alike.',
    preset: 'pca-trajectories',
  },
  {
    key: 'hw1-2-gradient-norm',
    part: 'HW1-2',
    title: 'Observe the gradient norm during training',
    question: 'How does the gradient norm move while the loss falls?',
    claim: 'As training approaches a minimum the gradient norm falls far below its peak.',
    preset: 'gradient-norm',
  },
  {
    key: 'hw1-2-gradient-almost-zero',
    part: 'HW1-2',
    title: 'What happens when the gradient is almost zero',
    question: 'At points where the gradient is almost zero, are they minima or saddle points, by the Hessian’s minimal ratio?',
    claim: 'As the loss at a zero-gradient point tends to 0, its minimal ratio (the share of positive Hessian eigenvalues) tends to 1: low-loss zero-gradient points are minima.',
    preset: 'minimal-ratio',
  },
  {
    key: 'hw1-2-error-surface',
    part: 'HW1-2',
    title: 'The error surface',
    question: 'What does the loss look like around the trained weights, and where did the training path go across it?',
    claim: 'The training trajectory, projected on the loss surface, descends into its basin.',
    preset: 'loss-landscape',
  },
  {
    key: 'hw1-3-random-labels',
    part: 'HW1-3',
    title: 'Can a network fit random labels?',
    question: 'Can the CNN fit MNIST with its training labels shuffled at random?',
    claim: 'The network fits random labels: training accuracy goes towards 100% while test accuracy stays at chance.',
    preset: 'random-labels',
  },
  {
    key: 'hw1-3-number-of-parameters',
    part: 'HW1-3',
    title: 'Number of parameters vs generalisation',
    question: 'How do training and test loss and accuracy change with the number of parameters?',
    claim: 'The more parameters, the lower the final training loss and the higher the final test accuracy.',
    preset: 'params-vs-generalization',
  },
  {
    key: 'hw1-3-flatness-part-1',
    part: 'HW1-3',
    title: 'Flatness vs generalisation, part 1: interpolation',
    question: 'Along the line between a small-batch and a large-batch solution, how do loss and accuracy change?',
    claim: 'The large-batch solution sits in a sharper minimum: along the line between the two solutions the training loss rises faster around it.',
    preset: 'interpolation',
  },
  {
    key: 'hw1-3-flatness-part-2',
    part: 'HW1-3',
    title: 'Flatness vs generalisation, part 2: sensitivity',
    question: 'How do the input sensitivity and the sharpness of a trained network change with its batch size?',
    claim: 'As the batch size grows, the input sensitivity falls, the sharpness rises and the test accuracy falls.',
    preset: 'sensitivity',
  },
];

/** The section of a preset (each catalogue preset has one). */
export function sectionOfPreset(preset: string): ReportSectionDefinition | undefined {
  return HW1_SECTIONS.find((section) => section.preset === preset);
}
