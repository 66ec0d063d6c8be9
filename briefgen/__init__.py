"""briefgen: articles in, a sourced briefing document out.

The pipeline is ``ingest -> extract -> digest -> render``; each stage has its
own subpackage or module, and :mod:`briefgen.pipeline` runs them in order.
"""

__version__ = "0.1.0"
