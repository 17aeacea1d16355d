"""Fleets: one compose application on several plain compose hosts (an environment's
``engines:``), captured in parallel and compared host by host; and Ansible inventories
turned into such environments (``envsync init --inventory``)."""
