"""``factiongraph settings [KEY [VALUE]]``: every threshold and tunable, with its value, default, range and help."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from factiongraph.cli._util import DbOption, app, console, library_errors, store


@app.command("settings")
def settings_cli(
    key: Annotated[str | None, typer.Argument(help="A setting's key (all of them when left out).")] = None,
    value: Annotated[str | None, typer.Argument(help="Its new value (printed when left out).")] = None,
    db: DbOption = None,
) -> None:
    """Print every setting (its value for this store, its default, range and what it does), one of them, or
    set one that a store keeps (checked against its range), which applies to what is ingested after. The
    others are set in a TOML file named by $FACTIONGRAPH_SETTINGS, which overrides the defaults key by key."""
    from factiongraph.settings import shown
    from factiongraph.store.settings import all_settings, get_setting, set_setting

    with library_errors():
        database = store(db)
        if key is not None and value is not None:
            console.print(f"{key} = {set_setting(database, key, value)}", highlight=False)
            return
        if key is not None:
            console.print(shown(get_setting(database, key)), highlight=False)
            return
        rows = all_settings(database)
    table = Table("setting", "value", "default", "range", "what it does")
    for setting, current in rows:
        kept = " Kept in the store: `factiongraph settings KEY VALUE`." if setting.per_store else ""
        table.add_row(setting.key, shown(current), shown(setting.default), setting.range, setting.help + kept)
    console.print(table)
