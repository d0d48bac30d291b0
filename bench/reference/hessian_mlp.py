"""The full Hessian of an MLP's MSE loss in its flat parameters (float32, as Saddle's HVPs).

Two PyTorch ways are timed and the faster is the yardstick: `autograd.functional.hessian` with
`vectorize=True` (one batched double-backward through vmap) and with `vectorize=False` (one
backward of the gradient per parameter, i.e. the HVP loop).
"""
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
for vectorize in (True, False):
    name = 'hessian(vectorize=%s)' % vectorize
    try:
        hessians[name] = torch.autograd.functional.hessian(loss, theta, vectorize=vectorize)
        methods[name] = time_ms(lambda: torch.autograd.functional.hessian(loss, theta, vectorize=vectorize),
                                min(args.warmup, 1), max(1, min(args.reps, 5)))
    except Exception as error:  # an older/odd build may lack vmap support: time what works
        methods[name] = {'error': str(error)[:200]}

timed = {k: v for k, v in methods.items() if 'medianMs' in v}
best = min(timed, key=lambda k: timed[k]['medianMs'])
h = hessians[best]
report({
    'timing': timed[best],
    'method': best,
    'methods': methods,
    'check': {'loss0': loss(theta).item(), 'trace': h.trace().item(), 'frobenius': h.norm().item()},
    'diagnostics': {'maxAsymmetry': (h - h.t()).abs().max().item()},
})
