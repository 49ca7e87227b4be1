"""The base every schema of a data file shares: the KB, the places file, the lexicons, the event formats."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
"""An id a data file gives an actor or a place: lower-case words joined by hyphens, 'hayat-tahrir-al-sham'."""


class StrictModel(BaseModel):
    """A key the schema does not know is an error (a misspelt key is never silently ignored), and a value
    read is frozen: the loaders cache what they read and hand the same object to every caller."""

    model_config = ConfigDict(extra="forbid", frozen=True)
