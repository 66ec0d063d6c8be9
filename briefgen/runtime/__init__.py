"""How a run does its per-item work, for any stage and any backend: ``run.Runtime``
(``map``: cached, in parallel, with progress) over ``cache``, ``executors`` and
``progress``. Nothing here knows an extractor."""
