"""Errors the domain raises; every layer may catch them."""

from __future__ import annotations


class WombatError(Exception):
    """Base class of the app's own errors: the message is fit to show a user."""


class ValidationError(WombatError):
    """Input the user gave cannot be stored as it is."""


class NotFoundError(WombatError):
    """A record the caller named does not exist (any more)."""


class DatabaseTooNewError(WombatError):
    """The database was written by a newer version of the app."""


class CancelledError(WombatError):
    """Long work was cancelled by the user."""
