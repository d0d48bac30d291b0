"""One Adam training step of the CNN on one batch (batch norm in training mode)."""
import torch
import torch.nn.functional as F

from common import array, build_model, load_theta, nhwc_to_nchw, report, setup, time_ms

args, meta = setup()
x = nhwc_to_nchw(array(args, meta, 'x'))
labels = array(args, meta, 'labels')
model, owners = build_model(meta['spec'], meta['inputShape'])
load_theta(owners, meta['params'], array(args, meta, 'theta'))
model.train()
opt = meta['optimizer']
optimizer = torch.optim.Adam(model.parameters(), lr=opt['lr'], betas=(opt['beta1'], opt['beta2']), eps=opt['epsilon'])

with torch.no_grad():
    loss0 = F.cross_entropy(model(x), labels).item()


def step():
    optimizer.zero_grad(set_to_none=True)
    loss = F.cross_entropy(model(x), labels)
    loss.backward()
    optimizer.step()


report({'timing': time_ms(step, args.warmup, args.reps), 'check': {'loss0': loss0}})
