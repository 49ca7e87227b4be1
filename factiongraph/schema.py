"""The base every schema of a data file shares: the KB, the places file, the lexicons, the event formats."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    """A key the schema does not know is an error (a misspelt key is never silently ignored), and a value
    read is frozen: the loaders cache what they read and hand the same object to every caller."""

    model_config = ConfigDict(extra="forbid", frozen=True)
