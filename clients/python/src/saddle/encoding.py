"""Metric values on the wire. GraphQL's Float cannot carry NaN or ±Infinity, and Python's
`json.dumps` would write them as bare `NaN` (not JSON), so a non-finite value travels in the
API's documented encoding: the strings "NaN", "Infinity", "-Infinity" (apps/api/README.md)."""

from __future__ import annotations

import math
import numbers
from typing import Any, Union

WireValue = Union[float, str]


def encode_value(value: float) -> WireValue:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def decode_value(value: Any) -> float:
    """A value as the server returns it (a number, the encoding's strings, or null) → float."""
    if value is None or value == "NaN":
        return math.nan
    if value == "Infinity":
        return math.inf
    if value == "-Infinity":
        return -math.inf
    return float(value)


def as_metric_value(key: str, value: Any) -> float:
    """A logged value as a float, or a TypeError naming the key: numbers, bools, numpy and
    torch scalars (anything with `.item()`) are accepted."""
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, numbers.Real):
        return float(value)
    item = getattr(value, "item", None)
    if callable(item):
        try:
            inner = item()
        except (ValueError, RuntimeError) as error:
            raise TypeError(f"saddle: run.log value for {key!r} must be a single number, got {type(value).__name__} with more than one element ({error})") from None
        if isinstance(inner, numbers.Real):
            return float(inner)
    raise TypeError(f"saddle: run.log value for {key!r} must be a number, got {type(value).__name__}: {value!r:.80}")
