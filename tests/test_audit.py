"""`make audit` (tools/audit.py): findings fail unless justified in docs/audit-exceptions.md, exceptions lapse,
and a registry that serves no advisories is said in one line, a failure only when asked to be strict."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tools import audit
from tools.audit import Finding, Outcome

READ_EXCEPTIONS = audit.exceptions
FINDING = Finding("pip-audit", "example", "1.0", "PYSEC-2099-1", ("GHSA-aaaa-bbbb-cccc",), "fixed in 1.1.")
TABLE = """# Audit exceptions

| Advisory | Package | Why it does not apply | Review by |
| --- | --- | --- | --- |
| GHSA-aaaa-bbbb-cccc | example | only its CLI is affected, and we never run it | 2099-01-01 |
| PYSEC-2000-9 | old | lapsed | 2001-01-01 |
"""


def test_audit_exceptions_are_read_and_lapse(tmp_path: Path) -> None:
    path = tmp_path / "exceptions.md"
    path.write_text(TABLE, encoding="utf-8")
    assert audit.exceptions(path, today=date(2030, 1, 1)) == {
        "GHSA-AAAA-BBBB-CCCC": "only its CLI is affected, and we never run it"
    }
    assert audit.exceptions(tmp_path / "missing.md") == {}


def test_audit_exceptions_file_of_the_project_is_well_formed() -> None:
    """Every table row below the header is one the script reads: a typo would silently excuse nothing."""
    lines = audit.EXCEPTIONS.read_text(encoding="utf-8").splitlines()
    rows = [line for line in lines if line.startswith("|")][2:]
    assert all(audit._ROW.match(row) for row in rows), rows


def run_main(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, pip: Outcome, npm: Outcome, table: str = "") -> int:
    path = tmp_path / "exceptions.md"
    path.write_text(table, encoding="utf-8")
    monkeypatch.setattr(audit, "exceptions", lambda: READ_EXCEPTIONS(path))
    monkeypatch.setattr(audit, "pip_audit", lambda: pip)
    monkeypatch.setattr(audit, "npm_audit", lambda: npm)
    return audit.main()


def test_audit_a_finding_fails_until_justified(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_main(monkeypatch, tmp_path, Outcome([FINDING]), Outcome([])) == 1
    out = capsys.readouterr().out
    assert "FINDING   pip-audit: example 1.0: PYSEC-2099-1 (GHSA-aaaa-bbbb-cccc)" in out
    assert out.strip().endswith("audit: failed")
    assert run_main(monkeypatch, tmp_path, Outcome([FINDING]), Outcome([]), TABLE) == 0, "excused by its alias"
    assert "excepted  pip-audit: example" in capsys.readouterr().out


def test_audit_an_unreachable_advisory_service_is_said_and_strict_fails(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unreachable = Outcome([], "web/package-lock.json: the registry's advisory endpoint answered 405")
    monkeypatch.delenv("FACTIONGRAPH_AUDIT_STRICT", raising=False)
    assert run_main(monkeypatch, tmp_path, Outcome([]), unreachable) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "unchecked web/package-lock.json: the registry's advisory endpoint answered 405",
        "audit: no open findings in what could be audited; the rest was not checked (see above)",
    ]
    monkeypatch.setenv("FACTIONGRAPH_AUDIT_STRICT", "1")
    assert run_main(monkeypatch, tmp_path, Outcome([]), unreachable) == 1
    assert run_main(monkeypatch, tmp_path, Outcome([]), Outcome([])) == 0
    assert capsys.readouterr().out.strip().endswith("audit: no open findings")
