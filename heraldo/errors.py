"""Errors that become an `error` record for one input line; the batch always goes on."""

from __future__ import annotations


class InputError(Exception):
    """A record heraldo cannot code, with a machine-readable `type`.

    Types: invalid_json, not_an_object, missing_text, invalid_field, too_large, binary,
    encoding, unsupported_language, internal.
    """

    def __init__(self, type: str, message: str):
        super().__init__(message)
        self.type = type
        self.message = message

    def to_json(self) -> dict[str, str]:
        return {"type": self.type, "message": self.message}
