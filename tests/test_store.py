"""The web app's store: SQLite in WAL mode, campaigns and immutable versions with their files."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from generator.web.store import Store, default_data_dir

SUMMARY = {"name": "春季保养", "budget_total": "872699.94", "deals": 6087, "roi_total": "1.93", "feasible": True}


def test_campaign_versions_and_files(tmp_path):
    store = Store(tmp_path / "data")
    first = store.add_campaign("春季保养", b"v1 bytes", "aaa111", SUMMARY)
    assert (first.campaign, first.version, first.draft) == (1, 1, False)
    second = store.add_version(1, b"v2 bytes", "bbb222", {**SUMMARY, "deals": 6100}, note="open +2pt")
    assert second.version == 2 and second.note == "open +2pt"
    assert store.workbook(1, 1).read_bytes() == b"v1 bytes"  # the first version is untouched
    assert store.workbook(1, 2).read_bytes() == b"v2 bytes"
    assert store.workbook(1, 3) is None
    assert [v.fingerprint for v in store.versions(1)] == ["aaa111", "bbb222"]
    listed = store.campaigns()
    assert [(c["id"], c["version"], c["deals"], c["fingerprint"]) for c in listed] == [(1, 2, 6100, "bbb222")]
    store.close()
    reopened = Store(tmp_path / "data")
    assert reopened.latest(1).version == 2
    mode = sqlite3.connect(tmp_path / "data" / "budgetgen.sqlite3").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_a_draft_is_kept_and_listed_as_such(tmp_path):
    store = Store(tmp_path)
    draft = store.add_campaign("草稿", b"broken", "ccc333", {}, draft=True)
    assert store.latest(draft.campaign).draft and store.campaigns()[0]["draft"] is True


def test_no_version_of_an_unknown_campaign(tmp_path):
    store = Store(tmp_path)
    with pytest.raises(KeyError):
        store.add_version(9, b"x", "f", {})
    assert not (tmp_path / "campaigns" / "9").exists()


def test_concurrent_saves_get_distinct_numbers(tmp_path):
    store = Store(tmp_path)
    store.add_campaign("c", b"0", "f0", {})
    lock = threading.Lock()

    def save(k: int) -> None:
        with lock:  # one connection is shared; the immediate transaction numbers the versions
            store.add_version(1, str(k).encode(), f"f{k}", {})

    threads = [threading.Thread(target=save, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [v.version for v in store.versions(1)] == list(range(1, 10))


def test_default_data_dir_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_data_dir() == tmp_path / "budgetgen"
