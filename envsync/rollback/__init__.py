"""Backup and rollback: restore points, and plans that return an environment to one.

- :mod:`envsync.rollback.points`: restore points (manifest, tag names, lookup);
- :mod:`envsync.rollback.backup`: ``envsync backup`` (snapshot, git tag, ``docker save``);
- :mod:`envsync.rollback.plan`: pure planning of a rollback level into a :class:`~envsync.plan.Plan`;
- :mod:`envsync.rollback.execute`: preconditions, the snapshot of the state being left,
  the steps, the health checks and the log.
"""

from __future__ import annotations
