"""``factiongraph settings [KEY [VALUE]]``: the knobs an analyst tunes, kept in the store."""

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
    """Print the store's settings, one of them, or set one (checked against its range); a setting applies
    to what is ingested after it is set."""
    from factiongraph.store.settings import all_settings, get_setting, set_setting

    with library_errors():
        database = store(db)
        if key is not None and value is not None:
            console.print(f"{key} = {set_setting(database, key, value)}", highlight=False)
            return
        if key is not None:
            console.print(str(get_setting(database, key)), highlight=False)
            return
        rows = all_settings(database)
    table = Table("setting", "value", "default", "range", "what it does")
    for setting, current in rows:
        table.add_row(
            setting.key, str(current), str(setting.default), f"{setting.minimum}–{setting.maximum}", setting.description
        )
    console.print(table)
