"""The public site around the content: the staff guide left out of published builds, the
网站地图 page, and the legal footer (issue 12)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import build_site, copy_project
from fazhi.site import staff_pages
from fazhi.settings import SettingsError
from fazhi.site.config import settings_of
from fazhi.site.context import SiteBuild
from fazhi.site.footer import footer_rows


def test_footer_shows_filled_fields_in_order_and_links_the_registries():
    rows = footer_rows(settings_of({"footer": {
        "公安机关备案号": "吉公网安备 22042202000123号", "主办单位": "东辽县民政局", "联系电话": "",
        "ICP备案号": "吉ICP备12345678号-1", "电子邮箱": "mzj@example.gov.cn",
    }}).footer)
    assert [row.label for row in rows] == ["主办单位", "电子邮箱", "ICP备案号", "公安机关备案号"]
    by_label = {row.label: row for row in rows}
    assert by_label["主办单位"].href == ""
    assert by_label["ICP备案号"].href == "https://beian.miit.gov.cn/"
    assert by_label["公安机关备案号"].href.startswith("https://beian.mps.gov.cn/")
    assert by_label["公安机关备案号"].href.endswith("22042202000123")
    assert by_label["电子邮箱"].href == "mailto:mzj@example.gov.cn"
    assert footer_rows({}) == []
    assert footer_rows(settings_of({"footer": {"ICP备案号": None}}).footer) == []


def test_footer_names_an_unknown_field_in_chinese():
    with pytest.raises(SettingsError, match="footer 有误.*未知的项：备案号.*可用的项：主办单位"):
        settings_of({"footer": {"备案号": "吉ICP备1号"}})


class _Files:
    """Just the two Files methods drop_staff_pages uses."""

    def __init__(self, names):
        self.names = list(names)

    def get_file_from_path(self, name):
        return name if name in self.names else None

    def remove(self, name):
        self.names.remove(name)


@pytest.mark.parametrize("command, publish, kept", [
    ("build", False, False), ("serve", False, True), ("build", True, True), ("gh-deploy", False, False),
])
def test_staff_guide_only_in_previews_unless_published(command, publish, kept):
    files = _Files(["index.md", "guide.md"])
    settings = settings_of({"staff_pages": {"pages": ["guide.md"], "publish": publish}})
    keep = settings.publish_staff_pages or SiteBuild(command=command).serving
    staff_pages.drop_staff_pages(files, settings.staff_pages, keep)
    assert ("guide.md" in files.names) is kept and "index.md" in files.names


def test_staff_pages_setting_errors_are_chinese():
    with pytest.raises(SettingsError, match="staff_pages 有误.*publish"):
        settings_of({"staff_pages": {"publish": "yes"}})


@pytest.mark.build
def test_published_site_has_no_guide_and_a_complete_site_map(built_site: Path):
    assert not (built_site / "guide").exists(), "编辑指南不应出现在正式发布的网站中"
    assert "guide" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "编辑指南" not in home and 'href="guide/"' not in home
    index = json.loads(next((built_site / "search").glob("*.json")).read_text(encoding="utf-8"))
    assert "guide" not in json.dumps(index, ensure_ascii=False)

    site_map = (built_site / "site-map" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', site_map.split('class="fz-site-map"')[1].split("</div>")[0])
    titles = [title for _, title in links]
    assert {"首页", "年度报告", "普法手册"} <= set(titles)
    laws = sorted(p.parent.name for p in (built_site / "handbook").glob("*/index.html"))
    linked = {href.strip("/").split("/")[-1] for href, _ in links}
    assert set(laws) <= linked, f"网站地图缺少：{set(laws) - linked}"
    for href, title in links:
        target = (built_site / "site-map" / href).resolve() / "index.html"
        assert target.is_file(), f"网站地图中的“{title}”指向不存在的页面 {href}"
    footer = home[home.index('class="md-footer-meta'):]
    assert 'href="site-map/">网站地图</a>' in footer and "主办单位：" in footer


@pytest.mark.build
def test_intranet_build_with_guide_and_filled_footer(tmp_path):
    project = copy_project(tmp_path / "project", with_handbook=False)
    config_path = project / "mkdocs.yml"
    text = config_path.read_text(encoding="utf-8")
    text = text.replace("      publish: false", "      publish: true")
    text = text.replace('      ICP备案号: ""', "      ICP备案号: 吉ICP备12345678号-1")
    text = text.replace('      公安机关备案号: ""', "      公安机关备案号: 吉公网安备 22042202000123号")
    config_path.write_text(text, encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "guide" / "index.html").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="guide/"' in home, "publish: true 时编辑指南应出现在导航中"
    footer = home[home.index('class="md-footer-meta'):]
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">吉ICP备12345678号-1</a>' in footer
    assert 'href="https://beian.mps.gov.cn/#/query/webSearch?code=22042202000123"' in footer
    assert "联系电话" not in footer, "空的页脚项不应显示"
