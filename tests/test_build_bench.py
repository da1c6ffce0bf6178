"""The benchmark script runs (quick mode, as in CI) and prints its tables; timings are not judged here."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.build


def test_quick_benchmark_prints_build_and_rebuild_tables():
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "build_bench.py"), "--quick"], cwd=ROOT,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert "| 内容 | 百万字符 | fazhi 秒 | 原版 秒 | 倍数(目标≤1.3)" in out
    row = re.search(r"^\| 1× \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| 1\.00 \| 1\.00 \| (\d+) \| (\d+) \|$", out, re.M)
    assert row, out
    assert float(row.group(1)) > 0.05  # the report and all laws were measured, not an empty tree
    assert re.search(r"^\| [\d.]+ \| [\d.]+ \| [\d.]+ \|$", out.split("重建", 1)[1], re.M)


def test_quick_scale_benchmark_prints_cold_warm_and_site_tables():
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "scale_bench.py"), "--quick"], cwd=ROOT,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert "| fazhi 冷 秒 | fazhi 热 秒 | 原版 秒 | 冷倍数(目标≤1.3)" in out
    assert re.search(r"^\| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \| \d+ \| \d+ \|$", out, re.M), out
    fazhi_row = re.search(r"^\| fazhi \| ([\d.]+) \| (\d+) / (\d+) \| (\d+)（(\d+)） \|", out, re.M)
    assert fazhi_row and float(fazhi_row.group(1)) > 1 and int(fazhi_row.group(5)) > 10, out
    first_part, whole = int(fazhi_row.group(2)), int(fazhi_row.group(3))
    assert 0 < first_part < whole / 4, out  # the first part is a small share of the index
