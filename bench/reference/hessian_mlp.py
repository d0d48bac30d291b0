"""The full Hessian of an MLP's MSE loss in its flat parameters (float32, as Saddle's HVPs).

Two PyTorch ways are tried and the faster is the yardstick: `autograd.functional.hessian` with
`vectorize=True` (one batched double-backward through vmap) and with `vectorize=False` (one
backward of the gradient per parameter, i.e. the HVP loop). Each is called once; the faster
one's first call counts as warm-up and it alone is then timed `--reps` times.
"""
import time

import torch
import torch.nn.functional as F

from common import array, mlp_functional, report, setup, time_ms

args, meta = setup()
x = array(args, meta, 'x')
y = array(args, meta, 'y').reshape(-1, 1)
theta = array(args, meta, 'theta')
forward = mlp_functional(meta['spec'], meta['params'])


def loss(t):
    return F.mse_loss(forward(t, x), y)


methods = {}
hessians = {}
first_call_ms = {}
for vectorize in (True, False):
    name = 'hessian(vectorize=%s)' % vectorize
    try:
        # One call each (it is also the warm-up); only the faster mode is timed repeatedly.
        start = time.perf_counter()
        hessians[name] = torch.autograd.functional.hessian(loss, theta, vectorize=vectorize)
        first_call_ms[name] = (time.perf_counter() - start) * 1000
        methods[name] = {'firstCallMs': first_call_ms[name]}
    except Exception as error:  # an older/odd build may lack vmap support: time what works
        methods[name] = {'error': str(error)[:200]}

best = min(first_call_ms, key=first_call_ms.get)
vectorize_best = best.endswith('True)')
timing = time_ms(lambda: torch.autograd.functional.hessian(loss, theta, vectorize=vectorize_best), max(0, args.warmup - 1), args.reps)
h = hessians[best]
report({
    'timing': timing,
    'method': best,
    'methods': methods,
    'check': {'loss0': loss(theta).item(), 'trace': h.trace().item(), 'frobenius': h.norm().item()},
    'diagnostics': {'maxAsymmetry': (h - h.t()).abs().max().item()},
})
