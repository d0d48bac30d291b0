"""One epoch of Adam on the CNN: every training image once, in minibatches, in the given order.

With `evaluate: 'start-and-end'` the epoch is bracketed by evaluations (loss and accuracy on the
training and test sets, inference mode, in PyTorch's fastest chunks of 500) as Saddle's `train`
loop does before its first step and after its last, so both sides do the same work.
"""
import time

import torch
import torch.nn.functional as F

from common import array, build_model, load_theta, nhwc_to_nchw, report, setup, summary

args, meta = setup()
x = nhwc_to_nchw(array(args, meta, 'x'))
labels = array(args, meta, 'labels')
order = array(args, meta, 'order')
batch = meta['batchSize']
opt = meta['optimizer']
evaluate = meta.get('evaluate') == 'start-and-end'
x_test = nhwc_to_nchw(array(args, meta, 'xTest')) if evaluate else None
labels_test = array(args, meta, 'labelsTest') if evaluate else None


def fresh():
    model, owners = build_model(meta['spec'], meta['inputShape'])
    load_theta(owners, meta['params'], array(args, meta, 'theta'))
    optimizer = torch.optim.Adam(model.parameters(), lr=opt['lr'], betas=(opt['beta1'], opt['beta2']), eps=opt['epsilon'])
    return model, optimizer


def eval_set(model, images, targets, chunk=500):
    # Chunks of 500, PyTorch's fastest (Saddle's train() uses 1,000; 1,000 is ~4x slower here).
    total, correct = 0.0, 0
    with torch.no_grad():
        for i in range(0, images.shape[0], chunk):
            logits = model(images[i:i + chunk])
            total += F.cross_entropy(logits, targets[i:i + chunk], reduction='sum').item()
            correct += (logits.argmax(1) == targets[i:i + chunk]).sum().item()
    return total / images.shape[0], correct / images.shape[0]


def evaluate_both(model):
    model.eval()
    train_loss, _ = eval_set(model, x, labels)
    _, test_accuracy = eval_set(model, x_test, labels_test)
    return {'finalTrainLoss': train_loss, 'finalTestAccuracy': test_accuracy}


def epoch(model, optimizer, steps=None):
    if evaluate and steps is None:
        evaluate_both(model)
    model.train()
    last = {}
    starts = range(0, x.shape[0], batch)
    for n, i in enumerate(starts):
        if steps is not None and n >= steps:
            return last
        idx = order[i:i + batch]
        optimizer.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x[idx]), labels[idx])
        loss.backward()
        optimizer.step()
        last = {'lastBatchLoss': loss.item()}
    if evaluate:
        last.update(evaluate_both(model))
    return last


model, optimizer = fresh()
epoch(model, optimizer, steps=max(1, args.warmup))  # warm-up: a few steps, not a whole epoch
samples, cpu_samples, final_losses = [], [], []
for _ in range(args.reps):
    model, optimizer = fresh()  # every epoch from the same θ₀, as Saddle's runs are
    cpu_start = time.process_time()
    start = time.perf_counter()
    final_losses.append(epoch(model, optimizer))
    samples.append((time.perf_counter() - start) * 1000)
    cpu_samples.append((time.process_time() - cpu_start) * 1000)
timing = summary(samples, cpu_samples)
report({
    'timing': timing,
    'imagesPerSecond': x.shape[0] / (timing['medianMs'] / 1000),
    'evaluate': evaluate,
    # After 125 steps the two sides differ by float rounding compounded over the steps, not by work.
    'check': final_losses[-1],
})
