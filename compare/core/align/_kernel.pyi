"""Types of the compiled alignment kernel (``_kernel.pyx``)."""

from array import array
from collections.abc import Sequence

class Side:
    def __init__(
        self,
        ids: array[int],
        counts: array[int],
        starts: array[int],
        totals: array[float],
        lengths: array[int],
        paragraphs: array[int] | None,
    ) -> None: ...

def price(
    left: Side,
    right: Side,
    i_base: int,
    j_base: int,
    weight: array[float],
    params: tuple[float, ...],
    i: int,
    j: int,
    a: int,
    b: int,
    limit: float,
) -> float: ...
def search(
    left: Side,
    right: Side,
    i_base: int,
    n: int,
    j_base: int,
    m: int,
    lo: Sequence[int],
    hi: Sequence[int],
    shapes: Sequence[tuple[int, int, float]],
    weight: array[float],
    params: tuple[float, ...],
) -> list[tuple[int, int, int, int]] | None: ...
