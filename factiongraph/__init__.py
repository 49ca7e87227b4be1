"""factiongraph: a sourced, time-aware knowledge graph of armed actors from conflict reporting."""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
