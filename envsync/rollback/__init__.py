"""Backup and rollback: restore points, and plans that return an environment to one.

- :mod:`envsync.rollback.points`: restore points (manifest, tag names, lookup);
- :mod:`envsync.rollback.backup`: ``envsync backup`` (snapshot, git tag, ``docker save``);
- :mod:`envsync.rollback.plan`: pure planning of a rollback level into a :class:`~envsync.plan.Plan`;
- :mod:`envsync.rollback.prepare`: what runs now, the point to return to, the plan (a dry run);
- :mod:`envsync.rollback.preconditions`: what must hold before a prepared rollback runs;
- :mod:`envsync.rollback.execute`: the snapshot of the state being left, the steps, the
  comparison with the point and the health checks;
- :mod:`envsync.rollback.outcome`: how it went, and its line in ``rollbacks.jsonl``.
"""

from __future__ import annotations
