"""Preview on a staff member's own computer: a fresh virtualenv with the project installed from
the package index (`pip install`, no Debian packages), and `FAZHI_PDF=0 mkdocs build` with the
system's fonts and Chromium hidden. Nothing of print (WeasyPrint, fontTools, the font lookup)
may even be imported then.

The project is copied first: pip building in the worktree would leave build/ and egg-info there.
Where `unshare` is allowed (root, as in CI), the build runs in its own mount namespace with
empty folders mounted over the font and Chromium folders; elsewhere fontconfig gets an empty
configuration.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_project

pytestmark = [pytest.mark.build, pytest.mark.venv]

HIDDEN = ("/usr/share/fonts", "/usr/local/share/fonts", "/usr/lib/chromium")
#: Modules that only print needs; a preview without PDFs must not import them.
PRINT_MODULES = ("weasyprint", "fontTools", "pydyf", "fazhi.pdf.fonts", "fazhi.pdf.render", "playwright")


def can_hide_folders() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-m", "--propagation", "private", "true"], capture_output=True).returncode == 0


def hidden(command: list[str]) -> list[str]:
    """`command` in a private mount namespace where the system's fonts and Chromium are empty folders."""
    mounts = " && ".join(f"mount -t tmpfs none {folder}" for folder in HIDDEN if Path(folder).is_dir())
    return ["unshare", "-m", "--propagation", "private", "sh", "-c", f'{mounts} && exec "$@"', "sh", *command]


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("preview")
    source = tmp / "source"
    source.mkdir()
    shutil.copy2(ROOT / "pyproject.toml", source)
    shutil.copytree(ROOT / "fazhi", source / "fazhi", ignore=shutil.ignore_patterns("__pycache__"))
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    done = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(source)],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    return venv


def test_preview_build_needs_no_system_packages(venv, tmp_path):
    project = copy_project(tmp_path / "project")
    fonts_conf = tmp_path / "fonts.conf"
    fonts_conf.write_text('<?xml version="1.0"?>\n<fontconfig></fontconfig>\n')
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path), "TMPDIR": str(tmp_path),
           "FONTCONFIG_FILE": str(fonts_conf), "FAZHI_PDF": "0", "NO_MKDOCS_2_WARNING": "1", "LANG": "C.UTF-8"}
    command = [str(venv / "bin" / "python"), "-X", "importtime", "-m", "mkdocs", "build", "--strict",
               "-d", str(tmp_path / "site")]
    done = subprocess.run(hidden(command) if can_hide_folders() else command, cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "fazhi.site.glue" in imported  # the installed copy: the project copy has no fazhi/, no PYTHONPATH
    assert [m for m in imported if m.split(".")[0] in PRINT_MODULES or m in PRINT_MODULES] == []
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "法治" in home and "下载PDF" not in home
    law = next(p.stem for p in sorted((project / "handbook").glob("*.md")) if p.name not in ("README.md", "index.md"))
    assert (tmp_path / "site" / "handbook" / law / "index.html").is_file()
    assert not (tmp_path / "site" / "pdf").exists()


def test_check_runs_in_the_preview_venv(venv, tmp_path):
    project = copy_project(tmp_path / "project")
    done = subprocess.run([str(venv / "bin" / "fazhi"), "check"], cwd=project, capture_output=True, text=True,
                          env={"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"})
    assert done.returncode == 0, done.stderr
    assert "0 个错误" in done.stderr
