"""Saddle's Python client: log a training run like wandb, read runs back, hand a PyTorch model
to Saddle's analyses. Standard library only (torch only inside `Run.save_model`).

    import saddle
    with saddle.init(project="mnist", config={"lr": 0.01}) as run:
        run.log({"loss": 0.5})
"""

from .api import Api
from .errors import SaddleError, ServerUnreachable
from .run import Run, Summary, init
from .sync import main as sync

__all__ = ["Api", "Run", "SaddleError", "ServerUnreachable", "Summary", "init", "sync"]
__version__ = "0.1.0"
