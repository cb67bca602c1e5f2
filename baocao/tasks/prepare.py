"""What the store needs of one document for its tasks, computed once and where it is cheap.

`prepare(document)` depends on the document alone, so a batch computes it in the analysis
worker processes (it pickles) and the storing process only writes rows and matches:
- the planned tasks (`extract_tasks`) and the late units (`follow_up`) of the document;
- for a report (what earlier tasks are matched into), the matcher's candidate sentences
  (`match.candidates(document, vocab, stop_words(document))`), handed to `match_tasks(…, cands=)`.
The store computes the same itself when it is not given (one file, a web upload).
"""

from __future__ import annotations

from dataclasses import dataclass

from baocao.parse.model import Document
from baocao.tasks.extract import extract_tasks
from baocao.tasks.followup import follow_up
from baocao.tasks.match import Candidate, candidates, stop_words
from baocao.tasks.model import LateUnit, PlannedTask
from baocao.tasks.vocab import Vocabulary, vocabulary


@dataclass(frozen=True)
class Prepared:
    """The task inputs of one document."""

    tasks: tuple[PlannedTask, ...]
    late_units: tuple[LateUnit, ...]
    candidates: tuple[Candidate, ...] | None  # None: not a report, nothing is matched into it


def report_candidates(document: Document, vocab: Vocabulary | None = None) -> tuple[Candidate, ...]:
    """The sentences of a report that can report on earlier tasks, as `match_tasks` reads them."""
    return tuple(candidates(document, vocab or vocabulary(), stop_words(document)))


def prepare(document: Document, vocab: Vocabulary | None = None) -> Prepared:
    """Tasks, late units and (for a report) candidate sentences of `document`."""
    vocab = vocab or vocabulary()
    cands = report_candidates(document, vocab) if document.meta.doc_type == "report" else None
    return Prepared(tuple(extract_tasks(document, vocab)), tuple(follow_up(document)), cands)
