"""The one exception root of envsync, and its kinds.

Every error a user can cause or meet derives from :class:`EnvsyncError`; the CLI turns
each into a one-line message and exit code 2 (see ``envsync.cli.errors``).
"""

from __future__ import annotations

import errno

__all__ = [
    "CaptureError",
    "ComposeError",
    "ConfigError",
    "DeployError",
    "EngineError",
    "EnvsyncError",
    "GitError",
    "RollbackError",
    "SnapshotError",
    "StorageError",
    "UnknownEnvironmentError",
    "os_reason",
]


class EnvsyncError(Exception):
    """Root of every error envsync reports to its user as a one-line message."""


class ConfigError(EnvsyncError):
    """envsync.yaml is missing, unreadable or wrong; the message names file, line and key."""


class UnknownEnvironmentError(EnvsyncError):
    """An environment name that envsync.yaml does not define."""


class SnapshotError(EnvsyncError):
    """A snapshot file is missing, corrupt, or of another schema version."""


class CaptureError(EnvsyncError):
    """A part of an environment could not be captured."""


class GitError(CaptureError):
    """git failed: not a repository, unknown ref, unreachable remote."""


class ComposeError(CaptureError):
    """The compose binary is missing, or rejected the files (its message is kept)."""


class EngineError(CaptureError):
    """The Docker engine could not be reached or failed during capture."""


class RollbackError(EnvsyncError):
    """A backup or rollback cannot go ahead (no such restore point, an image archive
    missing, a working tree with uncommitted edits); raised before anything is changed."""


class StorageError(EnvsyncError):
    """A file or folder envsync must read or write is unusable: a symlink loop, a read-only
    folder, a full disk, no permission. The message names the path; nothing half-written
    is left behind."""


_PLAIN_REASONS = {
    errno.ELOOP: "a symlink loop (too many levels of symbolic links)",
    errno.EROFS: "read-only file system",
    errno.ENOSPC: "no space left on device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENOENT: "no such file or folder",
    errno.ENOTDIR: "a path component is not a folder",
    errno.EISDIR: "is a folder",
}


def os_reason(exc: OSError) -> str:
    """A short, lower-case reason for an OSError, without the path (callers name it)."""
    if exc.errno in _PLAIN_REASONS:
        return _PLAIN_REASONS[exc.errno]
    return (exc.strerror or str(exc) or type(exc).__name__).lower()


class DeployError(EnvsyncError):
    """A deploy cannot go ahead: the checks before it refused (nothing was changed).
    ``code`` is the exit code: 1 for the environment's state (a runtime override, not enough
    memory), 2 for bad input (an unknown ref, a missing image)."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code
