"""Publishing on `git push`, end to end on this machine: deploy/install-server.sh sets up a bare
repository and a site folder, Debian's nginx serves SITE/current, and a clone pushes to it.

Good pushes go live; a GBK law and a duplicated article are refused with file:line and the
live site stays; two quick pushes end with the newest live; rollback serves the old text;
readers never see a missing file or a mix while releases switch. Builds run without PDFs.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT
from fazhi.publish import releases
from fazhi.publish.lock import publication_lock
from test_nginx import NGINX, Nginx, running_nginx

pytestmark = [pytest.mark.build,
              pytest.mark.skipif(not Path(NGINX).exists(), reason="Debian nginx is installed by scripts/setup.sh")]

#: The page the test clone's pushes add a sentence to: the home page (always public; the
#: 编辑指南 may be left out of the public site).
HOME = "docs/index.md"


class Server:
    """The bare repository, SITE_DIR, nginx's address and a staff member's clone."""

    def __init__(self, tmp: Path, nginx: Nginx) -> None:
        self.tmp, self.nginx, self.url = tmp, nginx, nginx.url
        self.repo, self.site, self.clone = tmp / "repo.git", tmp / "site", tmp / "clone"
        self.hook_tmp = tmp / "hook-tmp"  # TMPDIR of the hooks: temporary checkouts must not stay

    def env(self) -> dict[str, str]:
        return {**os.environ, "TMPDIR": str(self.hook_tmp), "GIT_AUTHOR_NAME": "张三",
                "GIT_COMMITTER_NAME": "张三", "GIT_AUTHOR_EMAIL": "zhang@example.org",
                "GIT_COMMITTER_EMAIL": "zhang@example.org"}

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run(["git", *args], cwd=self.clone, env=self.env(), capture_output=True, text=True)
        assert not check or done.returncode == 0, done.stdout + done.stderr
        return done

    def commit(self, message: str) -> str:
        self.git("commit", "-q", "-a", "-m", message)
        return self.git("rev-parse", "HEAD").stdout.strip()

    def push(self) -> subprocess.CompletedProcess:
        done = self.git("push", "origin", "HEAD:main", check=False)
        done.output = done.stdout + done.stderr  # git shows the hooks' lines on stderr as "remote: …"
        return done

    def main_branch(self) -> str:
        return subprocess.run(["git", "--git-dir", str(self.repo), "rev-parse", "refs/heads/main"],
                              capture_output=True, text=True, check=True).stdout.strip()

    def fazhi(self, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "FAZHI_PDF": "0"}
        return subprocess.run([sys.executable, "-P", "-m", "fazhi", *args], cwd=cwd or self.tmp, env=env,
                              capture_output=True, text=True)

    def live(self) -> releases.Release:
        release = releases.live(self.site)
        assert release is not None
        return release


def fetch(server: Server, url: str) -> tuple[int, bytes]:
    got = server.nginx.get(url)
    return got.status, got.body


def page_text(server: Server, path: str) -> str:
    status, body = fetch(server, server.url + path)
    assert status == 200, (path, status)
    return body.decode("utf-8")


def add_to_home(server: Server, marker: str) -> None:
    with open(server.clone / HOME, "a", encoding="utf-8") as home:
        home.write(f"\n推送测试：{marker}。\n")


def some_law(server: Server) -> Path:
    """A law of the handbook with a 第二条 (every real law has one)."""
    laws = sorted(p for p in (server.clone / "handbook").rglob("*.md") if p.name not in ("README.md", "index.md"))
    return next(p for p in laws if re.search(r"^第二条", p.read_text(encoding="utf-8"), re.M))


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Server:
    tmp = tmp_path_factory.mktemp("publish")
    (tmp / "nginx").mkdir()
    (tmp / "hook-tmp").mkdir()
    with running_nginx(tmp / "site" / "current", tmp / "nginx") as nginx:
        srv = Server(tmp, nginx)
        start = time.perf_counter()
        env = {**srv.env(), "FAZHI_PDF": "0", "FAZHI_PYTHON": sys.executable}
        done = subprocess.run(["bash", str(ROOT / "deploy" / "install-server.sh"), str(srv.repo), str(srv.site),
                               "--no-nginx"], env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
        print(f"install-server.sh with the first publication: {time.perf_counter() - start:.1f} s")
        subprocess.run(["git", "--git-dir", str(srv.repo), "config", "fazhi.url", nginx.url], check=True)
        subprocess.run(["git", "clone", "-q", str(srv.repo), str(srv.clone)], check=True)
        yield srv


def test_install_publishes_the_repository_and_is_idempotent(server):
    assert "法治" in page_text(server, "")
    first = server.live()
    env = {**server.env(), "FAZHI_PDF": "0", "FAZHI_PYTHON": sys.executable}
    again = subprocess.run(["bash", str(ROOT / "deploy" / "install-server.sh"), str(server.repo), str(server.site),
                            "--no-nginx"], env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert server.live() == first and len(releases.list_releases(server.site)) == 1
    hooks = server.repo / "hooks"
    assert os.access(hooks / "pre-receive", os.X_OK) and os.access(hooks / "post-receive", os.X_OK)


def test_good_push_goes_live_and_names_the_updated_page(server):
    add_to_home(server, "第一次发布")
    sha = server.commit("首页：第一次发布")
    start = time.perf_counter()
    done = server.push()
    seconds = time.perf_counter() - start
    print(f"push → live, one page changed, no PDFs: {seconds:.1f} s")
    assert done.returncode == 0, done.output
    assert "已发布" in done.output
    assert re.search(rf"^remote:\s+更新的页面：\s+remote:\s+{re.escape(server.url)}\s", done.output, re.M), done.output
    assert server.live().commit.sha == sha
    assert "第一次发布" in page_text(server, "")
    assert list(server.hook_tmp.iterdir()) == [] and list((server.site / "staging").iterdir()) == []


def refused(server: Server, message: str) -> str:
    """Commit and push the clone's changes, expect a refusal, undo the commit; returns what git printed."""
    before_branch, before_live = server.main_branch(), server.live()
    server.commit(message)
    done = server.push()
    server.git("reset", "-q", "--hard", "origin/main")
    assert done.returncode != 0, done.output
    assert "推送被拒绝" in done.output and "网站没有任何变化" in done.output
    assert server.main_branch() == before_branch and server.live() == before_live
    assert "第一次发布" in page_text(server, "")
    assert list(server.hook_tmp.iterdir()) == [] and list((server.site / "staging").iterdir()) == []
    return done.output


def test_gbk_law_is_refused_with_its_file(server):
    law = some_law(server)
    law.write_bytes(law.read_text(encoding="utf-8").encode("gbk"))
    output = refused(server, "法规存为 GBK")
    name = law.relative_to(server.clone).as_posix()
    assert re.search(rf"remote: {re.escape(name)}:1:1: error: 文件不是 UTF-8 编码", output), output


def test_duplicated_article_is_refused_with_its_line(server):
    law = some_law(server)
    lines = law.read_text(encoding="utf-8").split("\n")
    second = next(i for i, line in enumerate(lines) if line.startswith("第二条"))
    lines[second + 1:second + 1] = ["", lines[second]]  # the same article again, two lines down
    law.write_text("\n".join(lines), encoding="utf-8")
    output = refused(server, "法规重复第二条")
    name = law.relative_to(server.clone).as_posix()
    assert re.search(rf"remote: {re.escape(name)}:{second + 3}:\d+: \w+: 第二条重复", output), output


def test_two_quick_pushes_publish_one_at_a_time_and_the_newest_ends_live(server):
    add_to_home(server, "快速推送甲")
    first = server.commit("首页：快速推送甲")
    pushing = subprocess.Popen(["git", "push", "origin", "HEAD:main"], cwd=server.clone, env=server.env(),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 120
    while server.main_branch() != first:  # accepted: the first push is publishing now
        assert pushing.poll() is None or server.main_branch() == first, pushing.stdout.read()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    add_to_home(server, "快速推送乙")
    second = server.commit("首页：快速推送乙")
    done = server.push()
    assert pushing.wait(timeout=120) == 0, pushing.stdout.read()
    assert done.returncode == 0, done.output
    assert server.live().commit.sha == second
    assert "快速推送乙" in page_text(server, "")
    published = [r.commit.sha for r in releases.list_releases(server.site)]
    assert len(published) == len(set(published))  # no commit was published twice
    # publish.log: every check or publication ends before the next one starts (one at a time).
    events = [line.split("\t")[1] for line in (server.site / "publish.log").read_text(encoding="utf-8").splitlines()]
    starts, ends = {"开始检查", "开始发布"}, {"检查通过", "检查未通过", "发布完成", "发布失败"}
    paired = [e for e in events if e in starts | ends]
    assert all(a in starts and b in ends for a, b in zip(paired[::2], paired[1::2])), events


def test_rollback_serves_the_previous_text_and_releases_marks_it(server):
    newest = server.live()
    done = server.fazhi("rollback", "--site", str(server.site))
    assert done.returncode == 0, done.stderr
    assert "已回滚" in done.stderr
    back = server.live()
    assert back.name < newest.name
    assert "快速推送乙" not in page_text(server, "")
    listing = server.fazhi("releases", "--site", str(server.site)).stdout.splitlines()
    assert [line.split()[1] for line in listing if line.startswith("*")] == [back.name]
    assert server.fazhi("rollback", newest.name, "--site", str(server.site)).returncode == 0
    assert "快速推送乙" in page_text(server, "")
    unknown = server.fazhi("rollback", "20000101", "--site", str(server.site))
    assert unknown.returncode == 1 and "没有找到发布版本" in unknown.stderr


def test_readers_never_see_a_missing_file_or_a_mix_while_releases_switch(server):
    live = server.live()
    old, new = releases.list_releases(server.site)[1], releases.list_releases(server.site)[0]
    paths = ["index.html", "reports/2024/index.html", "search/search_index.json", "assets/fazhi.css",
             f"handbook/{some_law(server).stem}/index.html"]
    versions = {p: {(old.path / p).read_bytes(), (new.path / p).read_bytes()} for p in paths}
    assert len(versions["index.html"]) == 2  # the two releases really differ
    problems: list[str] = []
    reads = 0
    stop = threading.Event()

    def read() -> None:
        nonlocal reads
        while not stop.is_set():
            for path in paths:
                status, body = fetch(server, server.url + path.removesuffix("index.html"))
                reads += 1
                if status != 200 or body not in versions[path]:
                    problems.append(f"{path}: {status}, {len(body)} bytes")

    readers = [threading.Thread(target=read) for _ in range(2)]
    for thread in readers:
        thread.start()
    for i in range(200):
        releases.switch(server.site, (old, new)[i % 2])
        time.sleep(0.005)
    stop.set()
    for thread in readers:
        thread.join(timeout=10)
    releases.switch(server.site, live)  # the next tests start from the release that was live
    print(f"{reads} reads during 200 switches")
    assert reads > 200 and problems == []


def test_failed_build_after_acceptance_keeps_the_live_site_and_says_why(server):
    """`fazhi publish` of a broken commit (on a branch the hooks do not check) leaves the site as it was."""
    live = server.live()
    server.git("checkout", "-q", "-b", "draft")
    law = some_law(server)
    lines = law.read_text(encoding="utf-8").split("\n")
    second = next(i for i, line in enumerate(lines) if line.startswith("第二条"))
    lines[second + 1:second + 1] = ["", lines[second]]
    law.write_text("\n".join(lines), encoding="utf-8")
    server.commit("草稿：重复第二条")
    assert server.git("push", "-q", "origin", "draft").returncode == 0  # other branches are not published
    assert server.live() == live
    done = server.fazhi("publish", "--site", str(server.site), cwd=server.clone)
    server.git("checkout", "-q", "main")
    assert done.returncode == 1
    assert "发布失败" in done.stderr and f"仍是上一版（发布版本 {live.name}" in done.stderr
    assert f"{law.relative_to(server.clone).as_posix()}:{second + 3}:" in done.stderr
    assert server.live() == live and "快速推送乙" in page_text(server, "")


def test_a_push_waits_while_another_publication_holds_the_lock_and_old_releases_are_pruned(server):
    subprocess.run(["git", "--git-dir", str(server.repo), "config", "fazhi.keep", "2"], check=True)
    add_to_home(server, "保留两个版本")
    sha = server.commit("首页：保留两个版本")
    before = server.live()
    lines: list[str] = []
    with publication_lock(server.site):  # another publication is running
        pushing = subprocess.Popen(["git", "push", "--progress", "origin", "HEAD:main"], cwd=server.clone,
                                   env=server.env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        reader = threading.Thread(target=lambda: lines.extend(pushing.stdout))
        reader.start()
        deadline = time.monotonic() + 60
        while not any("排队等候" in line for line in lines):
            assert time.monotonic() < deadline and pushing.poll() is None, lines
            time.sleep(0.05)
        time.sleep(0.5)
        assert server.main_branch() != sha and server.live() == before  # nothing happens while it waits
    assert pushing.wait(timeout=300) == 0, "".join(lines)
    reader.join()
    names = [r.name for r in releases.list_releases(server.site)]
    assert len(names) == 2 and server.live().name == names[0] and server.live().commit.sha == sha
    assert "保留两个版本" in page_text(server, "")
