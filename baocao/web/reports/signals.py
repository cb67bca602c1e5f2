"""Signals of the reports app, for other parts of the web app to build on the store.

`version_stored(sender=ReportVersion, version=…, document=…, analysis=…, prepared=…)` is sent
inside the ingest transaction once a version, its facts, findings and values are stored — e.g.
for the tasks app to record the planned tasks of the new version. `prepared` is the
`baocao.tasks.Prepared` of the document when a batch worker computed it, else None (the
receiver computes what it needs itself).
"""

from __future__ import annotations

from django.dispatch import Signal

version_stored = Signal()
