"""A 2-D loss landscape of the CNN: loss and accuracy on N images at θ* + a·d₁ + b·d₂ over a G×G grid.

Every grid point is the same work (load θ, one inference pass over the images), so unless
`--full` is given a sample of points is timed and the median per point is multiplied by G².
"""
import time

import torch
import torch.nn.functional as F

from common import array, build_model, load_theta, nhwc_to_nchw, report, setup, summary

args, meta = setup()
x = nhwc_to_nchw(array(args, meta, 'x'))
labels = array(args, meta, 'labels')
center = array(args, meta, 'theta')
d1 = array(args, meta, 'direction1')
d2 = array(args, meta, 'direction2')
state = array(args, meta, 'state')
grid = meta['gridSize']
span = meta['range']
# Chunks of 500: PyTorch's fastest here (one pass of 2,000 images took 6x longer, 1,000 4.5x:
# its NCHW activations of a big batch fall out of cache). Saddle's evaluator runs all at once.
chunk = 500
model, owners = build_model(meta['spec'], meta['inputShape'])
model.eval()
coords = [-span + 2 * span * i / (grid - 1) for i in range(grid)]


def loss_at(a, b):
    load_theta(owners, meta['params'], center + a * d1 + b * d2, meta['buffers'], state)
    total, correct = 0.0, 0
    with torch.no_grad():
        for i in range(0, x.shape[0], chunk):
            logits = model(x[i:i + chunk])
            total += F.cross_entropy(logits, labels[i:i + chunk], reduction='sum').item()
            correct += (logits.argmax(1) == labels[i:i + chunk]).sum().item()
    # Accuracy is computed because Saddle's evaluator computes it too; only the time is kept.
    return total / x.shape[0]


points = [(a, b) for b in coords for a in coords]
if not args.full:
    # A spread of the grid: the same work at every point, so the sample's median stands for all.
    step = max(1, len(points) // args.reps)
    points = points[::step][:args.reps]
for a, b in points[:max(1, args.warmup)]:
    loss_at(a, b)
samples, cpu_samples = [], []
for a, b in points:
    cpu_start = time.process_time()
    start = time.perf_counter()
    loss_at(a, b)
    samples.append((time.perf_counter() - start) * 1000)
    cpu_samples.append((time.process_time() - cpu_start) * 1000)
per_point = summary(samples, cpu_samples)
scale = 1 if args.full else grid * grid
report({
    'timing': {
        'medianMs': sum(samples) if args.full else per_point['medianMs'] * scale,
        'cpuMedianMs': sum(cpu_samples) if args.full else per_point['cpuMedianMs'] * scale,
        'reps': 1,
        'extrapolated': not args.full,
    },
    'perPoint': per_point,
    'gridPoints': grid * grid,
    'timedPoints': len(samples),
    'check': {'centerLoss': loss_at(0.0, 0.0)},
})
