"""One Adam step (forward, backward, update) of a small ReLU MLP on all its training points."""
import torch
import torch.nn.functional as F

from common import array, build_model, load_theta, report, setup, time_ms

args, meta = setup()
x = array(args, meta, 'x')
y = array(args, meta, 'y').reshape(-1, 1)
model, owners = build_model(meta['spec'], meta['inputShape'])
load_theta(owners, meta['params'], array(args, meta, 'theta'))
opt = meta['optimizer']
optimizer = torch.optim.Adam(model.parameters(), lr=opt['lr'], betas=(opt['beta1'], opt['beta2']), eps=opt['epsilon'])

with torch.no_grad():
    loss0 = F.mse_loss(model(x), y).item()


def step():
    optimizer.zero_grad(set_to_none=True)
    loss = F.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()


report({'timing': time_ms(step, args.warmup, args.reps), 'check': {'loss0': loss0}})
