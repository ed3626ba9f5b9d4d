"""Force a full recalculation of a workbook in headless LibreOffice.

The cached values are stripped first and the profile sets the OOXML recalc
mode to 'always', so the figures read back are LibreOffice's own.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def strip_cached_values(src: Path, dst: Path) -> int:
    """Copy ``src`` without the cached results of its formulas; returns how many were stripped."""
    stripped = 0
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                stripped += len(re.findall(rb"<f>[^<]*</f><v>[^<]+</v>", data))
                data = re.sub(rb"(<f>[^<]*</f>)<v>[^<]*</v>", rb"\1", data)
            zout.writestr(info, data)
    return stripped


def recalculate(src: Path, work: Path, cached: bool = True) -> Path:
    """``cached``: the file has cached values, which must be stripped (openpyxl saves none)."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (libreoffice-calc-nogui) is not installed; `make test` installs it"
    work.mkdir(parents=True, exist_ok=True)
    profile = work / "profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(PROFILE)
    bare = work / "in" / src.name
    bare.parent.mkdir(exist_ok=True)
    assert (strip_cached_values(src, bare) > 0) == cached
    out = work / "out"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(bare),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out / src.name
