"""Forward pass of the CNN on one batch in inference mode (batch norm on running statistics)."""
import torch
import torch.nn.functional as F

from common import array, build_model, load_theta, nhwc_to_nchw, report, setup, time_ms

args, meta = setup()
x = nhwc_to_nchw(array(args, meta, 'x'))
labels = array(args, meta, 'labels')
model, owners = build_model(meta['spec'], meta['inputShape'])
load_theta(owners, meta['params'], array(args, meta, 'theta'), meta['buffers'], array(args, meta, 'state'))
model.eval()

with torch.no_grad():
    loss0 = F.cross_entropy(model(x), labels).item()


def forward():
    with torch.no_grad():
        model(x)


report({'timing': time_ms(forward, args.warmup, args.reps), 'check': {'loss0': loss0}})
