"""``factiongraph claims``: who says what about whom, and how firmly."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from factiongraph.cli._util import DbOption, app, console, library_errors, store
from factiongraph.vocab import STANCES

Stance = StrEnum("Stance", {stance: stance for stance in STANCES})
"""The stances as typer's choices."""


@app.command("claims")
def claims_cli(
    about: Annotated[str | None, typer.Option(help="Only claims about this actor (any name).")] = None,
    speaker: Annotated[str | None, typer.Option(help="Only claims by this actor (any name).")] = None,
    stance: Annotated[Stance | None, typer.Option(help="Only claims with this stance.")] = None,
    limit: Annotated[int, typer.Option(help="How many to print.")] = 100,
    db: DbOption = None,
) -> None:
    """List claims: the speaker, the stance (asserted, denied, possible, likely), what about, and the quote."""
    from factiongraph.graph import claims_page, find_actor

    with library_errors():
        database = store(db)
        about_id = find_actor(database, about) if about else None
        speaker_id = find_actor(database, speaker) if speaker else None
        claims = claims_page(
            database, about=about_id, speaker=speaker_id, stance=stance and stance.value, limit=limit
        ).items
    if not claims:
        console.print("no claim found")
    for claim in claims:
        who = claim.speaker.name if claim.speaker else f"[{claim.speaker_text or 'unattributed'}]"
        subjects = f" (about {', '.join(a.name for a in claim.about)})" if claim.about else ""
        source = f"doc {claim.evidence.document_id}, {claim.when or 'undated'}"
        console.print(
            f"[bold]{who}[/bold] {claim.stance.upper()}: {claim.content}{subjects}\n"
            f"    “{claim.evidence.sentence.strip()}” [dim]({source})[/dim]",
            highlight=False,
            soft_wrap=True,
        )
