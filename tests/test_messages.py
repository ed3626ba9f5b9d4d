"""Every message comes from the catalogue in both languages; the commands speak the user's language."""

from __future__ import annotations

import ast
import string
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.i18n.cli import default_lang
from generator.i18n.cli_zh import ZH

PKG = Path(__file__).resolve().parents[1] / "generator"
# Calls whose first message argument is a catalogue template.
CALLS = {"error", "warn", "msg", "Msg", "say", "t", "BadValue", "PathError", "MessageError", "WhereError", "_refuse"}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _message_args(tree: ast.AST):
    """(call name, the argument that holds the template) for every message call."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        if name not in CALLS or not node.args:
            continue
        index = 1 if name in ("error", "warn", "_refuse", "WhereError") else 0
        if len(node.args) > index:
            yield name, node.args[index]


def _sources():
    for path in sorted(PKG.rglob("*.py")):
        if "i18n" not in path.parts:
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def test_every_message_is_a_template_of_the_catalogue():
    loose = []
    for path, tree in _sources():
        for name, arg in _message_args(tree):
            if isinstance(arg, ast.JoinedStr):
                loose.append(f"{path.name}:{arg.lineno} {name}(f-string)")
            elif isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value not in ZH:
                loose.append(f"{path.name}:{arg.lineno} {arg.value[:50]!r} has no Chinese text")
    assert loose == []


def test_the_catalogue_has_no_stale_entry_and_both_languages_have_the_same_fields():
    literals = {
        n.value
        for _, tree in _sources()
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }
    assert sorted(k for k in ZH if k not in literals) == []
    assert [k for k, v in ZH.items() if _fields(k) != _fields(v)] == []


def test_the_locale_picks_the_language():
    assert default_lang({}) == "zh"
    assert default_lang({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert default_lang({"LANG": "C.UTF-8"}) == "zh"
    assert default_lang({"LANG": "en_US.UTF-8"}) == "en"
    assert default_lang({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}) == "zh"
    assert default_lang({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"


def _bad_input(case, tmp_path) -> Path:
    case.set("budget", 1, "unit_cost", "abc")
    return case.xlsx(tmp_path / "bad.xlsx")


def test_problems_in_chinese_keep_the_location(case, tmp_path):
    bad = _bad_input(case, tmp_path)
    result = CliRunner().invoke(main, ["validate", str(bad), "--lang", "zh"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f'{bad}: budget!F3: 单价必须是 ≥ 0 的数字（元，如 1234.50 或 1,234.50），实际为 "abc"',
        "1 个错误。",
    ]


def test_problems_in_english_keep_the_location(case, tmp_path):
    bad = _bad_input(case, tmp_path)
    result = CliRunner().invoke(main, ["build", str(bad), "-o", str(tmp_path / "o"), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f'{bad}: budget!F3: unit_cost must be a number ≥ 0 (yuan, like 1234.50 or 1,234.50), got "abc"',
        "1 error; nothing was written.",
    ]


def test_a_chinese_locale_gets_chinese_without_lang(tmp_path):
    result = CliRunner(env={"LANG": "zh_CN.UTF-8"}).invoke(main, ["validate", str(tmp_path / "none.xlsx")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"{tmp_path / 'none.xlsx'}: 文件或文件夹不存在", "1 个错误。"]


def test_help_follows_the_locale():
    import subprocess
    import sys

    def help_of(lang: str) -> str:
        env = {"LANG": lang, "PATH": "/usr/bin:/bin"}
        run = [sys.executable, "-m", "generator", "validate", "--help"]
        return subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout

    assert "检查输入，列出每个问题所在的文件、工作表和单元格" in help_of("zh_CN.UTF-8")
    assert "Check an input and print every problem" in help_of("en_US.UTF-8")
