"""``factiongraph claims``: who says what about whom, and how firmly."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from factiongraph.cli._util import DbOption, app, console, library_errors, store


class Stance(StrEnum):
    asserted = "asserted"
    denied = "denied"
    possible = "possible"
    likely = "likely"


@app.command("claims")
def claims_cli(
    about: Annotated[str | None, typer.Option(help="Only claims about this actor (any name).")] = None,
    speaker: Annotated[str | None, typer.Option(help="Only claims by this actor (any name).")] = None,
    stance: Annotated[Stance | None, typer.Option(help="Only claims with this stance.")] = None,
    limit: Annotated[int, typer.Option(help="How many to print.")] = 100,
    db: DbOption = None,
) -> None:
    """List claims: the speaker, the stance (asserted, denied, possible, likely), what about, and the quote."""
    from factiongraph.graph import list_claims

    with library_errors():
        claims = list_claims(store(db), about=about, speaker=speaker, stance=stance and stance.value, limit=limit)
    if not claims:
        console.print("no claim found")
    for claim in claims:
        who = claim.speaker if claim.speaker_is_actor else f"[{claim.speaker or 'unattributed'}]"
        subjects = f" (about {', '.join(claim.about)})" if claim.about else ""
        source = f"doc {claim.evidence.document_id}, {claim.when or 'undated'}"
        console.print(
            f"[bold]{who}[/bold] {claim.stance.upper()}: {claim.content}{subjects}\n"
            f"    “{claim.evidence.text.strip()}” [dim]({source})[/dim]",
            highlight=False,
            soft_wrap=True,
        )
