"""The web app's store: SQLite (WAL) for campaigns, versions and builds; each version's files in
its own folder beside the database.

A version is never modified: a save is a new version, its workbook written to a temporary
name in a new folder and renamed into place before its row is committed. Version numbers
are taken inside an immediate transaction, so two saves at once get two numbers.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS campaigns (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS versions (
    campaign INTEGER NOT NULL REFERENCES campaigns(id),
    version INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    created TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    draft INTEGER NOT NULL DEFAULT 0,
    summary TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (campaign, version)
);
CREATE TABLE IF NOT EXISTS builds (
    id INTEGER PRIMARY KEY,
    campaign INTEGER NOT NULL,
    version INTEGER NOT NULL,
    lang TEXT NOT NULL,
    state TEXT NOT NULL,
    files TEXT NOT NULL DEFAULT '[]',
    problems TEXT NOT NULL DEFAULT '[]',
    created TEXT NOT NULL,
    FOREIGN KEY (campaign, version) REFERENCES versions(campaign, version)
);
"""
WORKBOOK = "input.xlsx"


def default_data_dir() -> Path:
    """The user's data directory: %APPDATA%\\budgetgen, ~/Library/Application Support/budgetgen,
    or $XDG_DATA_HOME/budgetgen (~/.local/share/budgetgen)."""
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "budgetgen"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "budgetgen"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "budgetgen"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Version:
    """One saved input of a campaign.

    summary: the headline figures shown in lists (name, budget_total, deals, roi_total, feasible).
    draft: the workbook had errors; it is kept so its problems can be shown and fixed.
    """

    campaign: int
    version: int
    fingerprint: str
    created: str
    note: str
    draft: bool
    summary: dict


class Store:
    """Campaigns, versions and builds under ``folder`` (created when missing)."""

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(folder / "budgetgen.sqlite3", isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def version_dir(self, campaign: int, version: int) -> Path:
        return self.folder / "campaigns" / str(campaign) / f"v{version}"

    def add_campaign(self, name: str, workbook: bytes, fingerprint: str, summary: dict, draft: bool = False) -> Version:
        """A new campaign with its first version."""
        now = _now()
        self.db.execute("BEGIN IMMEDIATE")
        try:
            cur = self.db.execute("INSERT INTO campaigns (name, created, updated) VALUES (?, ?, ?)", (name, now, now))
            campaign = int(cur.lastrowid or 0)
            saved = self._insert_version(campaign, 1, workbook, fingerprint, summary, draft, "", now)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return saved

    def add_version(
        self, campaign: int, workbook: bytes, fingerprint: str, summary: dict, note: str = "", draft: bool = False
    ) -> Version:
        """The campaign's next version; KeyError when there is no such campaign."""
        now = _now()
        self.db.execute("BEGIN IMMEDIATE")
        try:
            row = self.db.execute("SELECT MAX(version) FROM versions WHERE campaign = ?", (campaign,)).fetchone()
            if row[0] is None:
                raise KeyError(campaign)
            saved = self._insert_version(campaign, row[0] + 1, workbook, fingerprint, summary, draft, note, now)
            name = summary.get("name")
            self.db.execute(
                "UPDATE campaigns SET updated = ?, name = COALESCE(?, name) WHERE id = ?", (now, name, campaign)
            )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return saved

    def _insert_version(self, campaign, version, workbook, fingerprint, summary, draft, note, now) -> Version:
        folder = self.version_dir(campaign, version)
        folder.mkdir(parents=True, exist_ok=False)  # a version's folder is written once
        tmp = folder / f".{WORKBOOK}.tmp"
        tmp.write_bytes(workbook)
        tmp.replace(folder / WORKBOOK)
        self.db.execute(
            "INSERT INTO versions (campaign, version, fingerprint, created, note, draft, summary) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (campaign, version, fingerprint, now, note, int(draft), json.dumps(summary, ensure_ascii=False)),
        )
        return Version(campaign, version, fingerprint, now, note, draft, summary)

    def versions(self, campaign: int) -> list[Version]:
        rows = self.db.execute(
            "SELECT campaign, version, fingerprint, created, note, draft, summary FROM versions "
            "WHERE campaign = ? ORDER BY version",
            (campaign,),
        ).fetchall()
        return [Version(c, v, f, t, n, bool(d), json.loads(s)) for c, v, f, t, n, d, s in rows]

    def latest(self, campaign: int) -> Version | None:
        versions = self.versions(campaign)
        return versions[-1] if versions else None

    def workbook(self, campaign: int, version: int) -> Path | None:
        """The version's input workbook, or None when there is no such version."""
        known = self.db.execute(
            "SELECT 1 FROM versions WHERE campaign = ? AND version = ?", (campaign, version)
        ).fetchone()
        return self.version_dir(campaign, version) / WORKBOOK if known else None

    def campaigns(self) -> list[dict]:
        """Every campaign with its latest version's headline figures, the most recently updated first."""
        rows = self.db.execute(
            "SELECT c.id, c.name, c.updated, v.version, v.fingerprint, v.draft, v.summary FROM campaigns c "
            "JOIN versions v ON v.campaign = c.id AND v.version = "
            "(SELECT MAX(version) FROM versions WHERE campaign = c.id) ORDER BY c.updated DESC, c.id DESC"
        ).fetchall()
        out = []
        for cid, name, updated, version, fingerprint, draft, summary in rows:
            s = json.loads(summary)
            out.append(
                {
                    "id": cid,
                    "name": name,
                    "version": version,
                    "fingerprint": fingerprint,
                    "budget_total": s.get("budget_total"),
                    "deals": s.get("deals"),
                    "roi_total": s.get("roi_total"),
                    "feasible": s.get("feasible"),
                    "draft": bool(draft),
                    "updated": updated,
                }
            )
        return out
