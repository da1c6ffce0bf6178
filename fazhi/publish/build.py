"""Check and build one checked-out commit exactly as the public site is built.

Both steps run in fresh processes with the commit's own `fazhi` package first on the path
(PYTHONPATH), so a push that changes the program is checked with the changed program.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from fazhi.publish.checkout import clean_env, git

#: mkdocs' log lines worth showing a person (its INFO lines are progress noise; its closing
#: "Aborted with N warnings in strict mode!" is said in Chinese by the caller).
_PROBLEM = re.compile(r"^(WARNING|ERROR)\b|Error:|错误|警告")
#: The start of the PDF hook's summary line ("PDF：15个文件，新生成2个、沿用缓存13个，用时…").
_PDF_SUMMARY = "PDF："
_LEVEL = {"WARNING": "警告", "ERROR": "错误"}
#: A finding of fazhi's own, already `path:line:col: level: message`.
_DIAGNOSTIC = re.compile(r"^\S+:\d+:\d+: (error|warning|info): ")


@dataclass
class Outcome:
    ok: bool
    #: Lines for the person who pushed: the findings (path:line:col …), then the verdict.
    lines: list[str] = field(default_factory=list)
    seconds: float = 0.0


def build_env(project: Path, cache: Path, pdf: bool) -> dict[str, str]:
    """Like scripts/build.sh: dates from the last commit, the shared caches, the commit's own code.

    The temporary folder lives in the cache too: jieba keeps its dictionary cache (jieba.cache,
    ~1 s to rebuild) there, so it survives between releases like the PDF cache.
    """
    epoch = git(project / ".git", "log", "-1", "--format=%ct")
    (cache / "tmp").mkdir(parents=True, exist_ok=True)
    return clean_env({"PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": epoch,
                      "FAZHI_CACHE_DIR": str(cache), "FAZHI_PDF": "1" if pdf else "0",
                      "TMPDIR": str(cache / "tmp")})


def check(project: Path, env: dict[str, str]) -> Outcome:
    """`fazhi check` over docs/ and handbook/: exit 1 means refuse.

    It fails where the strict build fails (warnings too), so most refusals come in seconds,
    before the build renders any PDF.
    """
    done = subprocess.run([sys.executable, "-m", "fazhi", "check"], cwd=project, env=env,
                          capture_output=True, text=True)
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    return Outcome(done.returncode == 0, lines)


def build(project: Path, out: Path, env: dict[str, str]) -> Outcome:
    """`mkdocs build --strict` into `out` (removed again when the build fails)."""
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                          cwd=project, env=env, capture_output=True, text=True)
    if done.returncode == 0:  # the PDF hook's summary (files, re-rendered, from the cache) is worth a line
        summary = [line.split("fazhi: ", 1)[-1] for line in done.stderr.splitlines() if _PDF_SUMMARY in line]
        return Outcome(True, summary)
    shutil.rmtree(out, ignore_errors=True)
    output = (done.stdout + done.stderr).splitlines()
    problems = [_readable(line) for line in output if _PROBLEM.search(line)]
    return Outcome(False, problems or output[-15:])


def check_and_build(project: Path, out: Path, env: dict[str, str]) -> Outcome:
    """The check first (quick, and its messages are the clearest), then the strict build."""
    start = time.perf_counter()
    checked = check(project, env)
    outcome = build(project, out, env) if checked.ok else checked
    outcome.seconds = time.perf_counter() - start
    return outcome


def _readable(line: str) -> str:
    """`WARNING -  fazhi: handbook/x.md:3:1: warning: …` → `handbook/x.md:3:1: warning: …` (as
    `fazhi check` says it); mkdocs' own `WARNING -  Doc file …` → `警告：Doc file …`."""
    match = re.match(r"^(WARNING|ERROR)\s+-\s+(?:fazhi:\s+)?(.*)$", line)
    if not match:
        return line
    return match[2] if _DIAGNOSTIC.match(match[2]) else f"{_LEVEL[match[1]]}：{match[2]}"
