"""Shared pieces of the PyTorch reference workloads.

Every workload reads what the JS side (`bench/run.mjs`) wrote for it into a data folder:
`<workload>.json` (model spec, parameter layout, hyper-parameters, array descriptors) and the
raw little-endian arrays it names. Models are rebuilt from Saddle's JSON model spec and loaded
with Saddle's own flat θ, so both sides compute the same function on the same numbers; each
script reports a `check` value (e.g. the loss at θ₀) that `run.mjs` compares with the engine's.

Run with Debian's interpreter (`/usr/bin/python3`, python3-torch 1.13), never the pyenv one.
"""
import argparse
import json
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

THREADS = 2


def setup():
    """Parse the common command line, pin the thread count, load the workload's metadata."""
    parser = argparse.ArgumentParser()
    parser.add_argument('--data', required=True, help='folder run.mjs wrote the workload into')
    parser.add_argument('--warmup', type=int, default=3)
    parser.add_argument('--reps', type=int, default=10)
    parser.add_argument('--full', action='store_true', help='no extrapolation (landscape: every grid point)')
    parser.add_argument('--threads', type=int, default=THREADS, help='torch threads (default: both cores)')
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    name = os.path.splitext(os.path.basename(sys.argv[0]))[0].replace('_', '-')
    with open(os.path.join(args.data, name + '.json')) as f:
        meta = json.load(f)
    return args, meta


def array(args, meta, key):
    """One array run.mjs wrote: {file, dtype, shape} → a torch tensor (a copy, writable)."""
    desc = meta['arrays'][key]
    dtype = {'float32': np.float32, 'float64': np.float64, 'int32': np.int32}[desc['dtype']]
    data = np.fromfile(os.path.join(args.data, desc['file']), dtype=dtype).reshape(desc['shape'])
    tensor = torch.from_numpy(data.copy())
    return tensor.long() if desc['dtype'] == 'int32' else tensor


def nhwc_to_nchw(x):
    """Saddle keeps images channels-last; PyTorch's convolutions want channels-first."""
    return x.permute(0, 3, 1, 2).contiguous() if x.dim() == 4 else x


class FlattenChannelsLast(nn.Module):
    """Flatten in Saddle's (height, width, channels) order, so its dense kernels load unchanged."""

    def forward(self, x):
        return x.permute(0, 2, 3, 1).reshape(x.shape[0], -1) if x.dim() == 4 else x


def activation_module(name):
    return {
        None: nn.Identity, 'linear': nn.Identity, 'relu': nn.ReLU, 'tanh': nn.Tanh,
        'sigmoid': nn.Sigmoid, 'softplus': nn.Softplus, 'elu': nn.ELU,
    }[name]()


def build_model(spec, input_shape):
    """nn.Sequential from Saddle's ModelSpec; returns (model, [(layerIndex, module)])."""
    modules = []
    owners = {}
    shape = list(input_shape)  # Saddle's per-example shape: [features] or [h, w, c]
    for index, layer in enumerate(spec['layers']):
        kind = layer['type']
        if kind == 'dense':
            if len(shape) > 1:
                modules.append(FlattenChannelsLast())
                shape = [int(np.prod(shape))]
            linear = nn.Linear(shape[0], layer['units'])
            owners[index] = linear
            modules += [linear, activation_module(layer.get('activation'))]
            shape = [layer['units']]
        elif kind == 'conv2d':
            k = layer.get('kernelSize', 5)
            stride = layer.get('stride', 1)
            padding = layer.get('padding', 'same')
            if padding == 'same' and stride != 1:
                raise ValueError('reference build_model: same padding with stride > 1 is not mirrored')
            conv = nn.Conv2d(shape[2], layer['filters'], k, stride=stride, padding=(k // 2 if padding == 'same' else 0))
            owners[index] = conv
            modules += [conv, activation_module(layer.get('activation'))]
            h, w = shape[0], shape[1]
            if padding == 'valid':
                h, w = (h - k) // stride + 1, (w - k) // stride + 1
            shape = [h, w, layer['filters']]
        elif kind == 'batchNorm':
            cls = nn.BatchNorm2d if len(shape) == 3 else nn.BatchNorm1d
            bn = cls(shape[-1], eps=layer.get('epsilon', 1e-5), momentum=layer.get('momentum', 0.1))
            owners[index] = bn
            modules.append(bn)
        elif kind == 'activation':
            modules.append(activation_module(layer['activation']))
        elif kind in ('maxPool', 'avgPool'):
            size = layer.get('size', 2)
            stride = layer.get('stride', size)
            modules.append((nn.MaxPool2d if kind == 'maxPool' else nn.AvgPool2d)(size, stride))
            shape = [(shape[0] - size) // stride + 1, (shape[1] - size) // stride + 1, shape[2]]
        elif kind == 'flatten':
            modules.append(FlattenChannelsLast())
            shape = [int(np.prod(shape))]
        else:
            raise ValueError('reference build_model: unknown layer type ' + kind)
    return nn.Sequential(*modules), owners


def load_theta(owners, params, theta, buffers=None, state=None):
    """Copy Saddle's flat θ (and batch-norm state) into the modules, converting layouts."""
    with torch.no_grad():
        for p in params:
            module = owners[p['layerIndex']]
            value = theta[p['offset']:p['offset'] + p['size']].reshape(p['shape'])
            role = p['role']
            if role == 'kernel':
                if value.dim() == 4:  # [kh, kw, in, out] → [out, in, kh, kw]
                    module.weight.copy_(value.permute(3, 2, 0, 1))
                else:  # [in, out] → [out, in]
                    module.weight.copy_(value.t())
            elif role in ('bias', 'beta'):
                module.bias.copy_(value)
            elif role == 'gamma':
                module.weight.copy_(value)
        for b in buffers or []:
            module = owners[b['layerIndex']]
            value = state[b['offset']:b['offset'] + b['size']]
            (module.running_mean if b['role'] == 'movingMean' else module.running_var).copy_(value)


def theta_slices(params):
    """Per Saddle parameter: (offset, size, shape, role) — for functional forwards of flat θ."""
    return [(p['offset'], p['size'], p['shape'], p['role'], p['layerIndex']) for p in params]


def mlp_functional(spec, params):
    """f(θ, x) for an all-dense Saddle model, differentiable in a flat θ (Hessians, ensembles)."""
    layers = spec['layers']
    by_layer = {}
    for offset, size, shape, role, layer_index in theta_slices(params):
        by_layer.setdefault(layer_index, {})[role] = (offset, size, shape)
    acts = {'relu': torch.relu, 'linear': lambda t: t, None: lambda t: t, 'tanh': torch.tanh}

    def forward(theta, x):
        h = x
        for index, layer in enumerate(layers):
            if layer['type'] != 'dense':
                raise ValueError('mlp_functional: dense layers only')
            ko, ks, kshape = by_layer[index]['kernel']
            bo, bs, _ = by_layer[index]['bias']
            h = h @ theta[ko:ko + ks].reshape(kshape) + theta[bo:bo + bs]
            h = acts[layer.get('activation')](h)
        return h

    return forward


def time_ms(fn, warmup, reps):
    """Median (and the rest) of `reps` timed calls after `warmup` untimed ones, in ms."""
    for _ in range(warmup):
        fn()
    samples, cpu_samples = [], []
    for _ in range(reps):
        cpu_start = time.process_time()
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
        cpu_samples.append((time.process_time() - cpu_start) * 1000)
    return summary(samples, cpu_samples)


def summary(samples, cpu_samples=None):
    """As harness.mjs's summarize(); CPU time here is summed over PyTorch's threads."""
    return {
        'medianMs': statistics.median(samples),
        **({'cpuMedianMs': statistics.median(cpu_samples)} if cpu_samples else {}),
        'minMs': min(samples),
        'maxMs': max(samples),
        'reps': len(samples),
        'samplesMs': [round(s, 3) for s in samples],
    }


def report(result):
    """The one JSON line run.mjs reads (the last line of stdout)."""
    result.setdefault('torch', torch.__version__)
    result.setdefault('threads', torch.get_num_threads())
    print(json.dumps(result))
