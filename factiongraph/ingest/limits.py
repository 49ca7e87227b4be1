"""The two limits that keep one input from costing the machine, apart from the readers that apply them, so
that the command line can show them without loading the readers."""

DEFAULT_MAX_BYTES = 20_000_000
"""Files larger than this are refused unread: a file is read and decoded whole, so its size bounds the
memory one file costs. No article is that long; a larger file is an archive (raise the limit) or a mistake."""

DEFAULT_MAX_CHARS = 1_000_000
"""Articles longer than this are refused: spaCy's own ``max_length``. A longer text is rather a
book, a feed or a scrape gone wrong than an article, and parsing it takes minutes; raised, the limit
lets such a text through, parsed in pieces (:func:`~factiongraph.nlp.pieces.parse_in_pieces`)."""
