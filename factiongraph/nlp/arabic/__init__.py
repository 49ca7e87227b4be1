"""The Arabic pipeline's own parts (``config_ar.cfg``): clitic-split tokens, sentences, dates, claims,
and relations and events; importing this package registers them."""

from factiongraph.nlp.arabic import claims, dates, relations, sentences, tokens

__all__ = ["claims", "dates", "relations", "sentences", "tokens"]
