"""The Django part of baocao: store, query, REST API and web pages.

The core (`baocao/` minus this package) imports no Django; only this package maps the
core's frozen dataclasses to models. `bootstrap.setup_django()` is how the CLI starts it.
"""
