"""The web app's store: SQLite (WAL) for campaigns, versions and builds; each version's files in
its own folder beside the database.

A version is never modified: a save is a new version, its workbook written to a temporary
name in a new folder and renamed into place before its row is committed. Version numbers
are taken inside an immediate transaction, so two saves at once get two numbers.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import sys
import threading
from collections.abc import Iterator
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
    filename TEXT NOT NULL DEFAULT 'input.xlsx',
    PRIMARY KEY (campaign, version)
);
CREATE TABLE IF NOT EXISTS builds (
    id INTEGER PRIMARY KEY,
    campaign INTEGER NOT NULL,
    version INTEGER NOT NULL,
    lang TEXT NOT NULL,
    state TEXT NOT NULL,
    pptx INTEGER NOT NULL DEFAULT 0,
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
    filename: the name it was uploaded as (messages name it).
    """

    campaign: int
    version: int
    fingerprint: str
    created: str
    note: str
    draft: bool
    summary: dict
    filename: str = WORKBOOK


class Store:
    """Campaigns, versions and builds under ``folder`` (created when missing)."""

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(folder / "budgetgen.sqlite3", isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.executescript(SCHEMA)
        self.lock = threading.RLock()  # one connection shared by the server's threads: one transaction at a time

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One immediate transaction at a time across the server's threads; rolled back on any error."""
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    def version_dir(self, campaign: int, version: int) -> Path:
        return self.folder / "campaigns" / str(campaign) / f"v{version}"

    def add_campaign(
        self, name: str, workbook: bytes, fingerprint: str, summary: dict, draft: bool = False, filename: str = WORKBOOK
    ) -> Version:
        """A new campaign with its first version."""
        now = _now()
        with self._transaction():
            cur = self.db.execute("INSERT INTO campaigns (name, created, updated) VALUES (?, ?, ?)", (name, now, now))
            campaign = int(cur.lastrowid or 0)
            return self._insert_version(campaign, 1, workbook, fingerprint, summary, draft, "", now, filename)

    def add_version(
        self,
        campaign: int,
        workbook: bytes,
        fingerprint: str,
        summary: dict,
        note: str = "",
        draft: bool = False,
        filename: str = WORKBOOK,
    ) -> Version:
        """The campaign's next version; KeyError when there is no such campaign."""
        now = _now()
        with self._transaction():
            row = self.db.execute("SELECT MAX(version) FROM versions WHERE campaign = ?", (campaign,)).fetchone()
            if row[0] is None:
                raise KeyError(campaign)
            saved = self._insert_version(
                campaign, row[0] + 1, workbook, fingerprint, summary, draft, note, now, filename
            )
            name = summary.get("name")
            self.db.execute(
                "UPDATE campaigns SET updated = ?, name = COALESCE(?, name) WHERE id = ?", (now, name, campaign)
            )
            return saved

    def _insert_version(self, campaign, version, workbook, fingerprint, summary, draft, note, now, filename) -> Version:
        folder = self.version_dir(campaign, version)
        folder.mkdir(parents=True, exist_ok=False)  # a version's folder is written once
        tmp = folder / f".{WORKBOOK}.tmp"
        tmp.write_bytes(workbook)
        tmp.replace(folder / WORKBOOK)
        self.db.execute(
            "INSERT INTO versions (campaign, version, fingerprint, created, note, draft, summary, filename) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (campaign, version, fingerprint, now, note, int(draft), json.dumps(summary, ensure_ascii=False), filename),
        )
        return Version(campaign, version, fingerprint, now, note, draft, summary, filename)

    def versions(self, campaign: int) -> list[Version]:
        rows = self.db.execute(
            "SELECT campaign, version, fingerprint, created, note, draft, summary, filename FROM versions "
            "WHERE campaign = ? ORDER BY version",
            (campaign,),
        ).fetchall()
        return [Version(c, v, f, t, n, bool(d), json.loads(s), fn) for c, v, f, t, n, d, s, fn in rows]

    def get(self, campaign: int, version: int) -> Version | None:
        return next((v for v in self.versions(campaign) if v.version == version), None)

    def workbook_path(self, version: Version) -> Path:
        return self.version_dir(version.campaign, version.version) / WORKBOOK

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

    # builds: one row per document job; its files sit in the version's folder under build-<id>/

    def add_build(self, campaign: int, version: int, lang: str, pptx: bool) -> int:
        cur = self.db.execute(
            "INSERT INTO builds (campaign, version, lang, pptx, state, created) VALUES (?, ?, ?, ?, 'queued', ?)",
            (campaign, version, lang, int(pptx), _now()),
        )
        return int(cur.lastrowid or 0)

    def start_build(self, campaign: int, version: int, lang: str, pptx: bool = False) -> tuple[int, Path]:
        """A new build of the version and the folder its files go to (not yet made)."""
        build = self.add_build(campaign, version, lang, pptx)
        return build, self.build_dir({"campaign": campaign, "version": version, "id": build})

    def set_build(self, build: int, state: str, files: list[str] | None = None, problems: list | None = None) -> None:
        """The build's state and the files it serves (folders such as ``charts/`` are not served)."""
        served = [f for f in files or [] if not f.endswith("/")]
        self.db.execute(
            "UPDATE builds SET state = ?, files = ?, problems = ? WHERE id = ?",
            (state, json.dumps(served), json.dumps(problems or [], ensure_ascii=False), build),
        )

    def build(self, build: int) -> dict | None:
        row = self.db.execute(
            "SELECT id, campaign, version, lang, pptx, state, files, problems, created FROM builds WHERE id = ?",
            (build,),
        ).fetchone()
        if row is None:
            return None
        keys = ("id", "campaign", "version", "lang", "pptx", "state", "files", "problems", "created")
        out = dict(zip(keys, row, strict=True))
        out["files"], out["problems"], out["pptx"] = json.loads(out["files"]), json.loads(out["problems"]), bool(row[4])
        return out

    def builds(self, campaign: int, version: int) -> list[dict]:
        ids = self.db.execute(
            "SELECT id FROM builds WHERE campaign = ? AND version = ? ORDER BY id DESC", (campaign, version)
        ).fetchall()
        return [b for (i,) in ids if (b := self.build(i)) is not None]

    def build_dir(self, build: dict) -> Path:
        return self.version_dir(build["campaign"], build["version"]) / f"build-{build['id']}"
