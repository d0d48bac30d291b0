"""All eigenvalues (no vectors) of a dense symmetric matrix in float64, as Saddle computes them."""
import torch

from common import array, report, setup, time_ms

args, meta = setup()
a = array(args, meta, 'matrix')
values = torch.linalg.eigvalsh(a)
report({
    'timing': time_ms(lambda: torch.linalg.eigvalsh(a), args.warmup, args.reps),
    'check': {'min': values[0].item(), 'max': values[-1].item(), 'sum': values.sum().item()},
    'dtype': str(a.dtype),
})
