"""What a batch's worker processes run: the core's analysis of one file and the task inputs of its
document (`baocao.tasks.prepare`). Django-free on purpose — a spawned worker imports this module
(and `baocao.web`, `baocao.web.reports`, which import nothing) but never the web app.
"""

from __future__ import annotations

from baocao.config import Config
from baocao.pipeline import Analysis, analyze_bytes
from baocao.tasks.prepare import Prepared, prepare


def analyse_and_prepare(data: bytes, name: str, config: Config, tasks: bool = True) -> tuple[Analysis, Prepared | None]:
    """The analysis of one file and what the tasks app will need of its document (None when `tasks`
    is False: nothing listens to `version_stored`)."""
    analysis = analyze_bytes(data, name, config)
    return analysis, prepare(analysis.document) if tasks else None
