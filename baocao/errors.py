"""Errors the user should see as one clear Vietnamese line (exit code 2)."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: empty, corrupt, encrypted, too large, unsupported, undecodable.

    `message` is Vietnamese, one line, and names what the user can do.
    """

    def __init__(self, message: str, code: str = "bad_input") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
