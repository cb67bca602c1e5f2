"""Stable, seedable randomness (independent of PYTHONHASHSEED)."""

from __future__ import annotations

import hashlib
import math
import random


def _digest(keys: tuple[object, ...], size: int) -> bytes:
    data = "\x1f".join(str(k) for k in keys).encode("utf-8")
    return hashlib.blake2b(data, digest_size=size).digest()


def rng_for(*keys: object) -> random.Random:
    """A `random.Random` seeded from the keys."""
    return random.Random(int.from_bytes(_digest(keys, 8), "big"))


def uniform(*keys: object) -> float:
    """A uniform number in (0, 1) from the keys."""
    return (int.from_bytes(_digest(keys, 8), "big") + 0.5) / 2.0**64


def gauss(*keys: object) -> float:
    """A standard normal number from the keys (Box-Muller)."""
    d = _digest(keys, 16)
    u1 = (int.from_bytes(d[:8], "big") + 0.5) / 2.0**64
    u2 = (int.from_bytes(d[8:], "big") + 0.5) / 2.0**64
    return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)


def poisson(lam: float, *keys: object) -> int:
    """A Poisson draw (normal approximation above 30)."""
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, round(lam + math.sqrt(lam) * gauss(*keys)))
    u = uniform(*keys)
    k, p = 0, math.exp(-lam)
    cum = p
    while u > cum and k < 200:
        k += 1
        p *= lam / k
        cum += p
    return k
