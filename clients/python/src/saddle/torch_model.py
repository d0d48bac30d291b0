"""A torch `nn.Sequential`-style model → a Saddle model spec and its weights in Saddle's layout.

Saddle (packages/engine/src/models) keeps a network as one flat float32 vector θ, layer by
layer in spec order: dense kernel [in, out] then bias; conv2d kernel [kh, kw, in, out] then
bias; batch norm γ then β. Batch norm's running mean and variance are a second flat vector (the
state). Tensors are channels-last ([H, W, C]); torch's are channels-first, so:
- a Linear weight [out, in] is transposed to [in, out];
- a Conv2d weight [out, in, kh, kw] becomes [kh, kw, in, out];
- a Linear after Flatten of a [C, H, W] map has its input rows reordered from torch's c·h·w
  order to Saddle's h·w·c order (flattening channels-last visits the numbers differently).
The weights file is θ then the state, float32 little-endian — the layout of the server's
weight artifacts (apps/api/src/store/artifact-files.ts). torch is imported only here.
"""

from __future__ import annotations

import array
import json
import sys
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

WEIGHTS_FORMAT = "saddle-weights/1"

ACTIVATIONS = {"ReLU": "relu", "Tanh": "tanh", "Sigmoid": "sigmoid", "ELU": "elu", "Softplus": "softplus"}


@dataclass
class ConvertedModel:
    """The spec document (JSON) and θ / state as float lists in Saddle's order."""

    document: Dict[str, Any]
    theta: List[float] = field(repr=False)
    state: List[float] = field(repr=False)

    def weights_bytes(self) -> bytes:
        values = array.array("f", self.theta + self.state)
        if sys.byteorder != "little":
            values.byteswap()
        return values.tobytes()

    def document_bytes(self) -> bytes:
        return json.dumps(self.document, indent=1, allow_nan=False).encode("utf-8")


def _pair(value: Any, what: str, where: str) -> int:
    """torch allows (h, w) pairs; Saddle's layers are square."""
    if isinstance(value, (tuple, list)):
        if len(set(value)) != 1:
            raise ValueError(f"saddle.save_model: {where} has {what} {tuple(value)}; Saddle's layers take one {what} for both axes")
        return int(value[0])
    return int(value)


def _flat(tensor: Any) -> List[float]:
    return [float(v) for v in tensor.detach().to("cpu").double().reshape(-1).tolist()]


def _layers_of(module: Any, prefix: str = "") -> List[Tuple[str, Any]]:
    """The model's modules in forward order (dotted paths as in state_dict), nested Sequentials opened."""
    import torch.nn as nn

    if isinstance(module, nn.Sequential):
        out: List[Tuple[str, Any]] = []
        for name, child in module.named_children():
            out.extend(_layers_of(child, f"{prefix}{name}.") if isinstance(child, nn.Sequential) else [(f"{prefix}{name}", child)])
        return out
    children = list(module.named_children())
    # A module wrapping one Sequential (self.net = nn.Sequential(...); forward = self.net(x)).
    if len(children) == 1 and isinstance(children[0][1], nn.Sequential) and not list(module.parameters(recurse=False)):
        return _layers_of(children[0][1], f"{prefix}{children[0][0]}.")
    if not children:
        return [(prefix.rstrip(".") or type(module).__name__, module)]
    raise ValueError(
        f"saddle.save_model: {type(module).__name__} is not an nn.Sequential; its forward() could do anything, "
        "so pass an nn.Sequential (or a module whose only child is one)"
    )


def convert_module(module: Any, input_shape: Optional[Sequence[int]] = None) -> ConvertedModel:
    """Converts `module`. `input_shape` is one example's shape in torch's order — (features,)
    or (C, H, W); needed when the first layer is a Conv2d (a Linear first tells its own)."""
    import torch
    import torch.nn as nn

    layers = _layers_of(module)
    if not layers:
        raise ValueError("saddle.save_model: the model has no layers")
    first = layers[0][1]
    if input_shape is None:
        if isinstance(first, nn.Linear):
            input_shape = [first.in_features]
        else:
            raise ValueError(f"saddle.save_model: pass input_shape=(C, H, W) (torch's order): the first layer ({type(first).__name__}) does not say its input size")
    shape = [int(d) for d in input_shape]
    if len(shape) == 3:
        saddle_input = [shape[1], shape[2], shape[0]]
    elif len(shape) == 1:
        saddle_input = list(shape)
    else:
        raise ValueError(f"saddle.save_model: input_shape must be (features,) or (C, H, W), got {tuple(shape)}")

    specs: List[Dict[str, Any]] = []
    theta: List[float] = []
    state: List[float] = []
    skipped: List[str] = []
    # Saddle's per-example shape as the layers go: [n] or [H, W, C]; `flattened_from` is the
    # [H, W, C] a Flatten consumed, so the next Linear can reorder its input rows.
    current = list(saddle_input)
    flattened_from: Optional[List[int]] = None

    with torch.no_grad():
        for path, layer in layers:
            where = f"layer {path} ({type(layer).__name__})"
            kind = type(layer).__name__
            if isinstance(layer, nn.Linear):
                if layer.bias is None:
                    raise ValueError(f"saddle.save_model: {where} has no bias; Saddle's dense layers always have one (use bias=True)")
                if len(current) != 1:
                    raise ValueError(f"saddle.save_model: {where} gets a {len(current)}-D input; put an nn.Flatten() before it")
                if layer.in_features != current[0]:
                    raise ValueError(f"saddle.save_model: {where} expects {layer.in_features} inputs but the layer before gives {current[0]}")
                weight = layer.weight.detach().double()  # [out, in]
                if flattened_from is not None:
                    h, w, c = flattened_from
                    # Row i of Saddle's kernel is input (y, x, ch) in channels-last order; torch's
                    # column for it is ch·H·W + y·W + x.
                    order = [ch * h * w + y * w + x for y in range(h) for x in range(w) for ch in range(c)]
                    weight = weight[:, order]
                theta += _flat(weight.t())
                theta += _flat(layer.bias)
                specs.append({"type": "dense", "units": layer.out_features})
                current = [layer.out_features]
                flattened_from = None
            elif isinstance(layer, nn.Conv2d):
                if len(current) != 3:
                    raise ValueError(f"saddle.save_model: {where} needs a (C, H, W) input; pass input_shape=(C, H, W)")
                if layer.bias is None:
                    raise ValueError(f"saddle.save_model: {where} has no bias; Saddle's conv2d layers always have one (use bias=True)")
                if layer.groups != 1 or _pair(layer.dilation, "dilation", where) != 1:
                    raise ValueError(f"saddle.save_model: {where} uses groups or dilation; Saddle's conv2d has neither")
                if layer.padding_mode != "zeros":
                    raise ValueError(f"saddle.save_model: {where} pads with {layer.padding_mode!r}; Saddle pads with zeros")
                k = _pair(layer.kernel_size, "kernel_size", where)
                s = _pair(layer.stride, "stride", where)
                if layer.in_channels != current[2]:
                    raise ValueError(f"saddle.save_model: {where} expects {layer.in_channels} channels but gets {current[2]}")
                padding = _conv_padding(layer.padding, k, s, where)
                theta += _flat(layer.weight.detach().double().permute(2, 3, 1, 0))
                theta += _flat(layer.bias)
                specs.append({"type": "conv2d", "filters": layer.out_channels, "kernelSize": k, "stride": s, "padding": padding})
                h, w = current[0], current[1]
                if padding == "same":
                    current = [-(-h // s), -(-w // s), layer.out_channels]
                else:
                    current = [(h - k) // s + 1, (w - k) // s + 1, layer.out_channels]
            elif isinstance(layer, (nn.BatchNorm2d, nn.BatchNorm1d)):
                expected_rank = 3 if isinstance(layer, nn.BatchNorm2d) else 1
                if len(current) != expected_rank:
                    raise ValueError(f"saddle.save_model: {where} gets a {len(current)}-D input per example, expected {expected_rank}-D")
                if not layer.affine or not layer.track_running_stats:
                    raise ValueError(f"saddle.save_model: {where} needs affine=True and track_running_stats=True (Saddle's batch norm has γ, β and running statistics)")
                if layer.momentum is None:
                    raise ValueError(f"saddle.save_model: {where} has momentum=None (a cumulative average); Saddle's batch norm needs a number")
                theta += _flat(layer.weight) + _flat(layer.bias)
                state += _flat(layer.running_mean) + _flat(layer.running_var)
                specs.append({"type": "batchNorm", "momentum": float(layer.momentum), "epsilon": float(layer.eps)})
            elif kind in ACTIVATIONS and type(layer).__module__.startswith("torch.nn"):
                if isinstance(layer, nn.ELU) and layer.alpha != 1.0:
                    raise ValueError(f"saddle.save_model: {where} has alpha={layer.alpha}; Saddle's elu has alpha 1")
                if isinstance(layer, nn.Softplus) and layer.beta != 1:
                    raise ValueError(f"saddle.save_model: {where} has beta={layer.beta}; Saddle's softplus has beta 1")
                specs.append({"type": "activation", "activation": ACTIVATIONS[kind]})
            elif isinstance(layer, (nn.MaxPool2d, nn.AvgPool2d)):
                if len(current) != 3:
                    raise ValueError(f"saddle.save_model: {where} needs a (C, H, W) input")
                size = _pair(layer.kernel_size, "kernel_size", where)
                stride = _pair(layer.stride if layer.stride is not None else layer.kernel_size, "stride", where)
                if _pair(layer.padding, "padding", where) != 0 or layer.ceil_mode:
                    raise ValueError(f"saddle.save_model: {where} pads or uses ceil_mode; Saddle pools without padding, rounding down")
                if isinstance(layer, nn.MaxPool2d) and _pair(layer.dilation, "dilation", where) != 1:
                    raise ValueError(f"saddle.save_model: {where} uses dilation; Saddle's pooling has none")
                if isinstance(layer, nn.AvgPool2d) and layer.divisor_override is not None:
                    raise ValueError(f"saddle.save_model: {where} sets divisor_override; Saddle averages over the window")
                specs.append({"type": "maxPool" if isinstance(layer, nn.MaxPool2d) else "avgPool", "size": size, "stride": stride})
                current = [(current[0] - size) // stride + 1, (current[1] - size) // stride + 1, current[2]]
            elif isinstance(layer, nn.Flatten):
                if layer.start_dim != 1 or layer.end_dim != -1:
                    raise ValueError(f"saddle.save_model: {where} flattens dims {layer.start_dim}..{layer.end_dim}; Saddle flattens everything but the batch (start_dim=1, end_dim=-1)")
                flattened_from = list(current) if len(current) == 3 else None
                n = 1
                for d in current:
                    n *= d
                current = [n]
                specs.append({"type": "flatten"})
            elif isinstance(layer, (nn.Identity, nn.Dropout)):
                # Identity is nothing; Dropout is the identity at evaluation, and Saddle has none.
                skipped.append(f"{path} ({kind})")
            else:
                raise ValueError(
                    f"saddle.save_model: {where} is not supported; Saddle converts Linear, Conv2d, BatchNorm1d/2d, "
                    "ReLU/Tanh/Sigmoid/ELU/Softplus, MaxPool2d/AvgPool2d, Flatten (Dropout and Identity are skipped)"
                )
            if any(d <= 0 for d in current):
                raise ValueError(f"saddle.save_model: {where} leaves an empty output {current}")

    if not any(spec["type"] in ("dense", "conv2d") for spec in specs):
        raise ValueError("saddle.save_model: the model has no Linear or Conv2d layer")
    document: Dict[str, Any] = {
        "format": WEIGHTS_FORMAT,
        "spec": {"name": type(module).__name__, "layers": specs},
        "inputShape": saddle_input,
        "numParams": len(theta),
        "numBuffers": len(state),
        "weights": "float32 little-endian: θ (numParams) then the batch-norm state (numBuffers), in the engine's parameter order",
        "source": {"framework": "torch", "version": str(torch.__version__), "inputShape": list(shape), "skipped": skipped},
    }
    return ConvertedModel(document, theta, state)


def _conv_padding(padding: Any, k: int, s: int, where: str) -> str:
    if padding == "valid" or padding == 0 or padding == (0, 0):
        return "valid"
    # tfjs 'same' pads (k−1)/2 on each side for an odd kernel at stride 1 — torch's padding=k//2.
    symmetric = padding == "same" or _pair(padding, "padding", where) == k // 2
    if symmetric and k % 2 == 1 and s == 1:
        return "same"
    raise ValueError(f"saddle.save_model: {where} has padding={padding!r} with kernel {k} and stride {s}; Saddle converts padding=0 ('valid') or padding={k // 2} ('same', odd kernel, stride 1)")
