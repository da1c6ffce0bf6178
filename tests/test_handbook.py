"""The handbook's contents and order, read from handbook/ and handbook/handbook.yml."""

import shutil

from conftest import LAWS, ROOT
from fazhi.law.handbook import load_handbook

CATEGORIES = ["宪法", "婚姻家庭与收养", "社会救助", "养老服务", "儿童福利与未成年人保护", "残疾人权益", "殡葬管理",
              "社会组织", "慈善与志愿服务", "区划地名", "基层治理", "政务公开与依法行政"]
LAW_FILES = sorted(p for p in LAWS.glob("*.md") if p.name != "README.md")


def law_file(title, articles=2, status="current"):
    body = "\n\n".join(f"第{'一二三四五'[i]}条 条文{i + 1}。" for i in range(articles))
    return (f"---\ntitle: {title}\nlevel: 法律\n公布日期: '2020-01-02'\nstatus: {status}\n"
            f"status_note: 注{title}\narticle_count: {articles}\n---\n# {title}\n\n{body}\n")


def test_repository_handbook_matches_the_shared_texts():
    for path in LAW_FILES:
        assert (ROOT / "handbook" / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_title_categories_and_history():
    book = load_handbook(ROOT / "handbook")
    assert book.title == "东辽县民政系统普法宣传手册"
    assert [c.name for c in book.categories] == CATEGORIES
    assert book.diagnostics == []
    assert sorted(law.stem for law in book.history) == [
        "chengshi-jumin-weiyuanhui-zuzhi-fa-2018-superseded",
        "cishan-fa-2016-superseded",
        "cunmin-weiyuanhui-zuzhi-fa-2018-superseded",
        "funv-quanyi-baozhang-fa-2018-superseded",
        "hunyin-dengji-tiaoli-2003-superseded",
        "shouyang-dengji-banfa-2019-superseded",
        "weichengnianren-baohu-fa-2020-superseded",
    ]
    current = [law for c in book.categories for law in c.laws]
    assert len(current) == 20 and not any(law.superseded for law in current)
    assert len(book.laws) == 27 and book.laws[-7:] == book.history
    assert book.article_total == 1595
    # 基层治理 holds only superseded texts: named, empty, its texts under 历史文本.
    basic = next(c for c in book.categories if c.name == "基层治理")
    assert basic.laws == [] and len(book.history_of("基层治理")) == 2


def test_versions_of_one_law_know_each_other():
    book = load_handbook(ROOT / "handbook")
    laws = {law.stem: law for law in book.laws}
    assert [v.stem for v in book.versions_of(laws["cishan-fa"])] == ["cishan-fa-2016-superseded"]
    assert [v.stem for v in book.versions_of(laws["cishan-fa-2016-superseded"])] == ["cishan-fa"]
    assert [v.stem for v in book.history_under(laws["weichengnianren-baohu-fa"])] == [
        "weichengnianren-baohu-fa-2020-superseded"]
    # The 婚姻家庭编 excerpt stands for the 民法典 (收养登记办法 cites it) while the code is not here.
    assert book.link_targets()["民法典"].stem == "minfadian-hunyin-jiating-bian"
    # No current text of 婚姻登记条例 in the handbook yet: the 2003 text stands alone.
    assert book.versions_of(laws["hunyin-dengji-tiaoli-2003-superseded"]) == []


def test_each_law_entry_as_the_front_matter_and_text_say():
    laws = {law.stem: law for law in load_handbook(ROOT / "handbook").laws}
    cishan = laws["cishan-fa"]
    assert (cishan.title, cishan.short_title, cishan.level, cishan.article_count) == (
        "中华人民共和国慈善法", "慈善法", "法律", 125)
    assert cishan.date == "2023年12月29日" and cishan.page == "handbook/cishan-fa/"
    assert cishan.src == ROOT / "handbook" / "cishan-fa.md"
    assert laws["xianfa"].article_count == 143
    assert laws["xianfa"].date == "2018年3月11日"  # no 公布日期: the last amendment's date
    assert ("zhang-3-jie-1", "第一节 全国人民代表大会") in laws["xianfa"].headings
    assert laws["fan-jiating-baoli-fa"].effective == "2016年3月1日"
    hunyin = laws["hunyin-dengji-tiaoli-2003-superseded"]
    assert hunyin.superseded and "2025年5月10日" in hunyin.status_note
    assert {"t1", "t22"} <= hunyin.anchors and "t23" not in hunyin.anchors


def test_unlisted_files_go_to_other_and_are_reported(tmp_path):
    root = tmp_path / "handbook"
    (root / "sub").mkdir(parents=True)
    (root / "handbook.yml").write_text("title: 测试手册\ncategories:\n  婚姻家庭:\n    - a\n    - gone.md\n", encoding="utf-8")
    (root / "a.md").write_text(law_file("中华人民共和国甲法"), encoding="utf-8")
    # Code point order would be 反 < 慈 < 殡; pinyin order is bin < ci < fan.
    (root / "sub" / "x.md").write_text(law_file("中华人民共和国反家庭暴力法"), encoding="utf-8")
    (root / "y.md").write_text(law_file("慈善事业促进条例"), encoding="utf-8")
    (root / "z.md").write_text(law_file("殡葬管理条例"), encoding="utf-8")
    book = load_handbook(root)
    assert book.title == "测试手册"
    assert [(c.name, [law.stem for law in c.laws]) for c in book.categories] == [
        ("婚姻家庭", ["a"]), ("其他", ["z", "y", "x"])]
    messages = {(d.path, d.line, d.level, d.message) for d in book.diagnostics}
    assert ("handbook/sub/x.md", 1, "info", "handbook.yml 未列出本文件，已归入“其他”类") in messages
    assert ("handbook/handbook.yml", 5, "warning", "handbook.yml 列出的“gone”在 handbook/ 中找不到") in messages


def test_config_order_wins_inside_a_category(tmp_path):
    (tmp_path / "handbook.yml").write_text("categories:\n  甲类: [z, a]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(law_file("阿法"), encoding="utf-8")
    (tmp_path / "z.md").write_text(law_file("泽法"), encoding="utf-8")
    assert [law.stem for law in load_handbook(tmp_path).categories[0].laws] == ["z", "a"]


def test_without_config_everything_is_other_under_the_default_title(tmp_path):
    shutil.copy(LAWS / "binzang-guanli-tiaoli.md", tmp_path)
    book = load_handbook(tmp_path)
    assert book.title == "民政系统普法宣传手册"
    assert [c.name for c in book.categories] == ["其他"]
    assert [law.stem for law in book.categories[0].laws] == ["binzang-guanli-tiaoli"]


def test_three_versions_ordered_by_date_newest_history_first(tmp_path):
    (tmp_path / "v2010.md").write_text(law_file("某条例", status="superseded").replace("2020-01-02", "2010-05-06"), encoding="utf-8")
    (tmp_path / "v2020.md").write_text(law_file("某条例", status="superseded"), encoding="utf-8")
    (tmp_path / "v2025.md").write_text(law_file("某条例").replace("2020-01-02", "2025-03-04"), encoding="utf-8")
    book = load_handbook(tmp_path)
    laws = {law.stem: law for law in book.laws}
    assert [v.stem for v in book.versions_of(laws["v2020"])] == ["v2010", "v2025"]
    assert [v.stem for v in book.history_under(laws["v2025"])] == ["v2020", "v2010"]


def test_current_text_is_the_link_target_not_the_superseded_one(tmp_path):
    (tmp_path / "old.md").write_text(law_file("婚姻登记条例", status="superseded"), encoding="utf-8")
    (tmp_path / "new.md").write_text(law_file("婚姻登记条例", articles=3), encoding="utf-8")
    (tmp_path / "only-old.md").write_text(law_file("中华人民共和国某某法", status="superseded"), encoding="utf-8")
    book = load_handbook(tmp_path)
    targets = book.link_targets()
    assert targets["婚姻登记条例"].stem == "new"
    assert targets["某某法"].stem == "only-old"
    assert [law.stem for law in book.history] == ["old", "only-old"]  # hun < mou
    assert [law.stem for law in book.categories[0].laws] == ["new"]


def test_two_current_texts_of_one_title_are_a_warning(tmp_path):
    (tmp_path / "a.md").write_text(law_file("某条例"), encoding="utf-8")
    (tmp_path / "b.md").write_text(law_file("某条例", articles=3), encoding="utf-8")
    messages = [(d.path, d.level, d.message) for d in load_handbook(tmp_path).diagnostics if d.level == "warning"]
    assert messages == [
        (f"{tmp_path.name}/a.md", "warning", "与 b 同名，且都标为现行有效：请把较早的文本在前置信息中改为 status: superseded，"
                                             "并在 status_note 中写明被哪个文本取代"),
        (f"{tmp_path.name}/b.md", "warning", "与 a 同名，且都标为现行有效：请把较早的文本在前置信息中改为 status: superseded，"
                                             "并在 status_note 中写明被哪个文本取代"),
    ]
