"""K small MLPs, one Adam step each: as one batched computation (θ as [K, P], bmm) vs a loop.

Both see the same minibatch and the same K initial θ; in the batched form the loss is the sum
of the K models' mean losses, so each model's gradient is its own and Adam (element-wise) steps
each model exactly as its own optimiser would.
"""
import torch
import torch.nn.functional as F

from common import array, build_model, load_theta, report, setup, time_ms

args, meta = setup()
x = array(args, meta, 'x')
y = array(args, meta, 'y').reshape(-1, 1)
thetas = array(args, meta, 'thetas')  # [K, P]
k = thetas.shape[0]
opt = meta['optimizer']
adam = dict(lr=opt['lr'], betas=(opt['beta1'], opt['beta2']), eps=opt['epsilon'])
spec, params = meta['spec'], meta['params']

# --- batched: one [K, P] leaf, bmm per layer --------------------------------------------------
layers = []  # (kernel offset, size, [in, out], bias offset, size, activation)
for index, layer in enumerate(spec['layers']):
    kernel = next(p for p in params if p['layerIndex'] == index and p['role'] == 'kernel')
    bias = next(p for p in params if p['layerIndex'] == index and p['role'] == 'bias')
    layers.append((kernel['offset'], kernel['size'], kernel['shape'], bias['offset'], bias['size'], layer.get('activation')))
batched_theta = thetas.clone().requires_grad_(True)
batched_adam = torch.optim.Adam([batched_theta], **adam)
xk = x.unsqueeze(0).expand(k, -1, -1)


def batched_loss(theta):
    h = xk
    for ko, ks, (fan_in, fan_out), bo, bs, act in layers:
        w = theta[:, ko:ko + ks].reshape(k, fan_in, fan_out)
        h = torch.baddbmm(theta[:, bo:bo + bs].unsqueeze(1), h, w)
        if act == 'relu':
            h = torch.relu(h)
    return ((h - y.unsqueeze(0)) ** 2).mean(dim=(1, 2)).sum()


def batched_step():
    batched_adam.zero_grad(set_to_none=True)
    batched_loss(batched_theta).backward()
    batched_adam.step()


# --- loop: K ordinary models, K optimisers ----------------------------------------------------
models, optimizers = [], []
for i in range(k):
    model, owners = build_model(spec, meta['inputShape'])
    load_theta(owners, params, thetas[i])
    models.append(model)
    optimizers.append(torch.optim.Adam(model.parameters(), **adam))


def loop_step():
    for model, optimizer in zip(models, optimizers):
        optimizer.zero_grad(set_to_none=True)
        F.mse_loss(model(x), y).backward()
        optimizer.step()


with torch.no_grad():
    loss0 = batched_loss(thetas).item() / k
batched = time_ms(batched_step, args.warmup, args.reps)
loop = time_ms(loop_step, min(args.warmup, 2), max(3, args.reps // 2))
report({
    'timing': batched,
    'loop': loop,
    'models': k,
    'speedup': loop['medianMs'] / batched['medianMs'],
    'check': {'meanLoss0': loss0},
})
