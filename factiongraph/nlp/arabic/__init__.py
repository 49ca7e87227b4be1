"""The Arabic pipeline's own parts (``config_ar.cfg``): clitic-split tokens, sentences, dates, names,
claims, and relations and events; importing this package registers them."""

from factiongraph.nlp.arabic import claims, dates, names, relations, sentences, tokens

__all__ = ["claims", "dates", "names", "relations", "sentences", "tokens"]
