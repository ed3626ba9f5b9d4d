"""Every command runs with no network: a socket guard records any connection attempt."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import DEMO

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def attempts(monkeypatch):
    seen: list[object] = []

    def guard(self, address, *args, **kwargs):
        seen.append(address)
        raise OSError("network disabled in tests")

    monkeypatch.setattr(socket.socket, "connect", guard)
    monkeypatch.setattr(socket.socket, "connect_ex", guard)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: guard(None, address))
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: guard(None, host))
    return seen


def test_no_command_touches_the_network(attempts, tmp_path, case):
    case.set("budget", 0, "note", '<img src="http://example.com/x.png"> <link href="https://example.com/x.css">')
    path = case.xlsx(tmp_path / "in.xlsx")
    runner = CliRunner()
    commands = [
        ["validate", str(path)],
        ["build", str(path), "-o", str(tmp_path / "b")],
        ["init", str(tmp_path / "new.xlsx")],
        ["track", str(DEMO), str(ROOT / "inputs" / "demo-daily.csv"), "-o", str(tmp_path / "t")],
        ["retro", str(DEMO), str(ROOT / "inputs" / "demo-actuals.xlsx"), "-o", str(tmp_path / "r")],
    ]
    for args in commands:
        result = runner.invoke(main, args)
        assert result.exit_code == 0, (args, result.output)
    assert attempts == []
