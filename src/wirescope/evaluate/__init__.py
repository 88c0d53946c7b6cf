"""Evaluation on public annotated data: loaders (one per gold format), scorers, the quality
gate and the scoreboard. The CLI (`wirescope evaluate`) is a thin shell over :mod:`run`.

The data is read from ``../shared/eval`` beside the project (or ``$WIRESCOPE_EVAL``) and is
never copied into the repository.
"""

from wirescope.evaluate.locate import find_folder, require_folder
from wirescope.evaluate.results import Metric, Miss, Scored, SetResult

__all__ = ["Metric", "Miss", "Scored", "SetResult", "find_folder", "require_folder"]
