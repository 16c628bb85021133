"""Types of the compiled detection trials (``_detect.pyx``)."""

from collections.abc import Sequence
from random import Random

def trials(
    rows: list[list[float]],
    picks: Sequence[int],
    rnd: Random,
    init: list[float],
    n_trial: int,
    alpha: float,
    alpha_width: float,
    base_freq: float,
    conv_threshold: float,
    iteration_limit: int,
) -> list[float]: ...
