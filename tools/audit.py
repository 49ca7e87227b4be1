"""`make audit`: the known-vulnerability audits of both lock files, with the exceptions a person has justified.

pip-audit checks requirements.lock and npm audit checks web/package-lock.json, each against its registry's
advisory service. A finding fails the run unless docs/audit-exceptions.md lists its advisory (or an alias of it)
with a reason and a review date still to come: an exception lapses, so someone looks again. When a registry does
not answer advisory queries at all (a mirror without them), the run says so in one line and passes, since nothing
was found to fix; FACTIONGRAPH_AUDIT_STRICT=1 makes that a failure too.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXCEPTIONS = ROOT / "docs" / "audit-exceptions.md"
_ROW = re.compile(r"^\|\s*([A-Za-z]+-[\w-]+)\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*(\d{4}-\d{2}-\d{2})\s*\|\s*$")


@dataclass(frozen=True)
class Finding:
    """One advisory against one pinned package."""

    tool: str
    package: str
    version: str
    advisory: str
    aliases: tuple[str, ...]
    summary: str

    def __str__(self) -> str:
        also = f" ({', '.join(self.aliases)})" if self.aliases else ""
        return f"{self.tool}: {self.package} {self.version}: {self.advisory}{also}: {self.summary}"


@dataclass
class Outcome:
    """What one audit found, and what it could not check (and why)."""

    findings: list[Finding]
    unchecked: str = ""
    """What was not audited ("106 of 106 Python packages", "web/package-lock.json"), and why."""


def exceptions(path: Path = EXCEPTIONS, today: date | None = None) -> dict[str, str]:
    """Advisory id -> reason, for the rows of the exceptions table whose review date has not passed."""
    today = today or date.today()
    listed = {}
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        row = _ROW.match(line.strip())
        if row and date.fromisoformat(row[4]) >= today:
            listed[row[1].upper()] = row[3]
    return listed


def pip_audit() -> Outcome:
    """pip-audit over requirements.lock (hashed, so no resolver and no install: --disable-pip)."""
    command = [sys.executable, "-m", "pip_audit", "-r", str(ROOT / "requirements.lock"), "--disable-pip"]
    run = subprocess.run(
        [*command, "--format", "json", "--output", "-", "--progress-spinner", "off"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        last = (run.stderr.strip().splitlines() or ["no output"])[-1]
        return Outcome([], f"requirements.lock: pip-audit did not run: {last}")
    findings, skipped = [], []
    for dependency in report.get("dependencies", []):
        if "skip_reason" in dependency:
            skipped.append(dependency["name"])
            continue
        for vuln in dependency.get("vulns", []):
            summary = (vuln.get("description") or "").split("\n")[0][:120]
            fixed = ", ".join(vuln.get("fix_versions") or []) or "none yet"
            findings.append(
                Finding(
                    "pip-audit",
                    dependency["name"],
                    dependency["version"],
                    vuln["id"],
                    tuple(vuln.get("aliases") or ()),
                    f"fixed in {fixed}. {summary}",
                )
            )
    if not skipped:
        return Outcome(findings)
    total = len(report.get("dependencies", []))
    return Outcome(findings, f"{len(skipped)} of {total} Python packages: PyPI did not serve their advisory data")


def npm_audit() -> Outcome:
    """npm audit over web/package-lock.json, dev dependencies too (esbuild runs at build time)."""
    run = subprocess.run(
        ["npm", "audit", "--json", "--package-lock-only"],
        cwd=ROOT / "web",
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        return Outcome([], f"web/package-lock.json: npm audit did not run: {run.stderr.strip()[-200:]}")
    if "vulnerabilities" not in report:
        message = report.get("message") or report.get("error", {}).get("summary") or "no report"
        return Outcome([], f"web/package-lock.json: the npm registry's advisory endpoint answered {message}")
    findings = []
    for name, entry in report["vulnerabilities"].items():
        for via in entry.get("via", []):
            if isinstance(via, dict):  # a string names another vulnerable package, reported on its own
                advisory = via.get("url", "").rstrip("/").rsplit("/", 1)[-1] or str(via.get("source"))
                summary = f"{via.get('severity', '?')}, affects {via.get('range', '?')}. {via.get('title', '')}"
                findings.append(Finding("npm audit", name, entry.get("range", "?"), advisory, (), summary))
    return Outcome(findings)


def main() -> int:
    allowed = exceptions()
    failed = unchecked = False
    for outcome in (pip_audit(), npm_audit()):
        for finding in outcome.findings:
            ids = {finding.advisory.upper(), *(a.upper() for a in finding.aliases)}
            excused = next((allowed[i] for i in sorted(ids) if i in allowed), None)
            if excused:
                print(f"excepted  {finding} -- {excused}")
            else:
                print(f"FINDING   {finding} -- upgrade, or justify it in docs/audit-exceptions.md")
                failed = True
        if outcome.unchecked:
            strict = os.environ.get("FACTIONGRAPH_AUDIT_STRICT") == "1"
            label = "FAILED   " if strict else "unchecked"
            print(f"{label} {outcome.unchecked}")
            failed = failed or strict
            unchecked = True
    if failed:
        print("audit: failed")
    elif unchecked:
        print("audit: no open findings in what could be audited; the rest was not checked (see above)")
    else:
        print("audit: no open findings")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
