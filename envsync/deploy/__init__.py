"""``envsync deploy``: change what runs, safely.

- :mod:`.settings`: the ``deploy:`` block of an environment in envsync.yaml;
- :mod:`.plan`: pure planning (dependency order, strategies, the steps);
- :mod:`.preflight`: the checks made before anything changes (drift guard, memory budget,
  images, the ref's compose files);
- :mod:`.run`: prepare (changes nothing) and execute (through the one executor).
"""
