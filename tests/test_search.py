"""Build-time half of search: domain dictionary, pinyin keys, page splitting, index writing."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT
from fazhi.law.names import law_names
from fazhi.search.dictionary import curated_terms, heading_term, make_tokenizer, question_words, segmenter, synonyms
from fazhi.search.extract import clean, split_page
from fazhi.search.index import IndexBuilder
from fazhi.search.parts import shard_of
from fazhi.search.pinyin import pinyin_key, word_key

LAW_PAGE = """
<h1 id="binzang">殡葬管理条例</h1>
<p class="fz-preamble">1997年7月21日 中华人民共和国国务院令第225号发布</p>
<h2 id="zhang-1"><span class="fz-num">第一章</span> 总则<a class="headerlink" href="#zhang-1">¶</a></h2>
<div class="fz-article" id="t1"><p><strong class="fz-article-num">第一条</strong> 为了加强殡葬管理，
推进殡葬改革，促进社会主义精神文明建设，制定本条例。</p></div>
<div class="fz-article" id="t4"><p><strong class="fz-article-num">第四条</strong> 人口稠密、耕地较少、交通方便的地区，应当实行火葬；</p>
<p>实行火葬和允许土葬的地区，由省、自治区、直辖市人民政府划定。</p></div>
<h2 id="zhang-2"><span class="fz-law-num">第二章</span> 殡葬设施管理</h2>
<p>本章说明\u200b文字。</p>
<div class="fz-article" id="t120-1"><p><strong class="fz-article-num">第一百二十条之一</strong> 插入的条文。</p></div>
"""


@pytest.fixture(scope="module")
def tokenizer():
    return make_tokenizer(list(curated_terms()) + ["殡葬管理条例", "殡葬设施管理"])


def test_law_names_add_the_names_readers_type():
    assert law_names("中华人民共和国反家庭暴力法") == ["中华人民共和国反家庭暴力法", "反家庭暴力法", "反家暴法"]
    assert law_names("殡葬管理条例") == ["殡葬管理条例"]
    assert "收养登记办法" in law_names("中国公民收养子女登记办法")  # so sydj finds it


def test_readers_words_and_question_words_are_well_formed():
    """Every reader's word leads to words of the texts; question words are not readers' words
    (a word is either left out of a question or looked for, never both), and their answer
    words are words of two or more characters, which the postings can find."""
    readers, asked = synonyms(), question_words()
    assert readers["低保"] == ("最低生活保障",)
    assert set(readers["孩子"]) == {"未成年人", "子女"}
    assert all(forms and all(len(f) > 1 for f in forms) for forms in readers.values())
    assert not set(readers) & set(asked)
    assert asked["吗"] == ()
    assert all(len(cue) > 1 for cues in asked.values() for cue in cues)


def test_heading_terms_are_short_chinese_headings_without_their_number():
    assert heading_term("第二章 殡葬设施管理") == "殡葬设施管理"
    assert heading_term("第三节 国务院") == "国务院"
    assert heading_term("严格执行重大行政决策法定程序，落实政府法律顾问制度。") is None


@pytest.mark.parametrize("word", ["宪法宣传周", "特困人员", "微信群", "婚姻登记", "法律顾问"])
def test_domain_words_stay_whole(tokenizer, word):
    sentence = {
        "宪法宣传周": "结合全国助残日、宪法宣传周、法律施行日和重大节日",
        "特困人员": "国家对特困人员给予供养",
        "微信群": "充分利用微信群、转发朋友圈等新媒体开展法治宣传",
        "婚姻登记": "婚姻登记机关办理婚姻登记",
        "法律顾问": "积极向司法局工作人员、法律顾问请教学习",
    }[word]
    assert word in list(tokenizer.cut(sentence, HMM=False))


def test_domain_dictionary_does_not_touch_global_jieba(tokenizer):
    import jieba

    assert "宪法宣传周" not in jieba.lcut("宪法宣传周期间", HMM=False)


@pytest.mark.parametrize("word, key", [
    ("重大", "zhong'da"), ("银行", "yin'hang"), ("行政", "xing'zheng"), ("履行", "lv'xing"),
    ("重新", "chong'xin"), ("县长", "xian'zhang"), ("GB/T", "gb't"),
])
def test_polyphones_read_as_in_the_phrase(word, key):
    assert word_key(word) == key


def test_pinyin_key_keeps_word_boundaries(tokenizer):
    key = pinyin_key(tokenizer.cut("加强普法宣传，创新宣传形式。", HMM=False))
    assert key.split(" ")[0] == "jia'qiang"
    assert "chuang'xin" in key.split(" ")
    assert "，" not in key and "。" not in key


def test_clean_removes_zero_width_and_line_breaks():
    assert clean("宪法\u200b宣传周\n期间\u2060，  开展") == "宪法宣传周 期间， 开展"


def test_law_page_splits_into_page_chapters_and_articles():
    blocks = split_page(LAW_PAGE, "殡葬管理条例")
    assert [b.anchor for b in blocks] == [None, "zhang-1", "t1", "t4", "zhang-2", "t120-1"]
    page, chapter1, art1, art4, chapter2, inserted = blocks
    assert page.title == "殡葬管理条例" and "国务院令第225号" in page.text
    assert (chapter1.number, chapter1.bare_title, chapter1.title) == ("第一章", "总则", "第一章 总则")
    assert chapter1.text == ""  # article text belongs to the articles, the permalink ¶ to nobody
    assert art1.article == "第一条" and art1.text.startswith("为了加强殡葬管理，") and "\n" not in art1.text
    assert art4.text.endswith("由省、自治区、直辖市人民政府划定。") and "应当实行火葬" in art4.text
    assert chapter2.text == "本章说明文字。"
    assert (chapter2.number, chapter2.bare_title) == ("第二章", "殡葬设施管理")
    assert inserted.article == "第一百二十条之一"


def test_index_replaces_materials_docs_and_keeps_its_config(tmp_path):
    (tmp_path / "search").mkdir()
    material = {"config": {"lang": ["zh"], "separator": "[\\s\\u200b]+"}, "docs": [{"location": "", "title": "x\u200by", "text": ""}]}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(material), encoding="utf-8")
    builder = IndexBuilder()
    builder.add_page("handbook/binzang/", "殡葬管理条例", LAW_PAGE, {"title": "殡葬管理条例", "level": "行政法规"})
    builder.add_page("reports/2024/", "报告", '<h2 id="a"><span class="fz-num">（一）</span>落实政府法律顾问制度。</h2><p>聘请律师。</p>', {})
    builder.add_page("hidden/", "不检索", "<p>秘密</p>", {"search": {"exclude": True}})
    builder.write(tmp_path)

    raw = (tmp_path / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\u200b" not in raw.replace("\\u200b", "")  # only the separator pattern mentions it
    index = json.loads(raw)
    assert index["config"]["separator"] == "[\\s\\u200b]+"
    assert "殡葬管理" in index["config"]["words"].split(" ")
    assert "交通方便的地区" not in raw  # texts are in the parts, not in the first part
    docs = {d["location"]: d for d in read_whole_index(tmp_path)}
    assert "hidden/" not in docs
    assert docs["handbook/binzang/"]["law"] == ["殡葬管理条例"]
    assert docs["handbook/binzang/"]["pinyin"] == "bin'zang'guan'li'tiao'li"
    assert docs["handbook/binzang/#t4"] == {
        "location": "handbook/binzang/#t4", "article": "第四条", "n": "4",
        "text": "人口稠密、耕地较少、交通方便的地区，应当实行火葬； 实行火葬和允许土葬的地区，由省、自治区、直辖市人民政府划定。"}
    assert docs["handbook/binzang/#t120-1"]["n"] == "120-1"
    assert docs["handbook/binzang/#t120-1"]["article"] == "第一百二十条之一"
    assert docs["reports/2024/#a"]["num"] == "（一）"
    assert docs["reports/2024/#a"]["title"] == "（一）落实政府法律顾问制度。"
    assert docs["reports/2024/#a"]["pinyin"] == "luo'shi zheng'fu'fa'lv'gu'wen zhi'du"  # 政府法律顾问: one term
    assert index["config"]["synonyms"]["低保"] == ["最低生活保障"]
    assert index["config"]["questions"]["怎么办"][:2] == ["求助", "投诉"]
    texts = [d["text"] for d in docs.values() if d["text"]]
    assert index["config"]["parts"]["average"] == round(sum(map(len, (t.replace(" ", "") for t in texts))) / len(texts))


def read_whole_index(site: Path) -> list[dict]:
    """The documents as the worker has them once every part is fetched: article runs
    ("1-4": t1 第一条 … t4 第四条) spelled out, each text from its chunk."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs, page = [], ""
    for doc in index["docs"]:
        if isinstance(doc, str):
            first, last = map(int, doc.split("-"))
            docs += [{"location": f"{page}#t{n}", "article": f"第{ARTICLE_LABELS[n]}条", "n": str(n)}
                     for n in range(first, last + 1)]
            continue
        page = doc["location"] if "#" not in doc["location"] else page
        docs.append(dict(doc))
    texts = [text for i in range(len(index["config"]["parts"]["chunks"]))
             for text in json.loads((site / "search" / "parts" / f"t{i}.json").read_text(encoding="utf-8"))]
    assert len(texts) == len(docs) == index["config"]["parts"]["docs"]
    for doc, text in zip(docs, texts):
        doc["text"] = text
    return docs


ARTICLE_LABELS = {1: "一", 2: "二", 3: "三", 4: "四", 10: "十", 11: "十一", 20: "二十", 101: "一百零一",
                  110: "一百一十", 1010: "一千零一十"}


def test_postings_lead_a_term_to_the_articles_that_hold_it(tmp_path):
    """The worker finds a term's documents from the shards of the term's character pairs;
    every document holding the term must be among them, and pinyin keys give the site's words."""
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text('{"config": {}, "docs": []}', encoding="utf-8")
    builder = IndexBuilder()
    builder.add_page("handbook/binzang/", "殡葬管理条例", LAW_PAGE, {"title": "殡葬管理条例"})
    builder.add_page("reports/2024/", "报告", "<h2 id=\"a\">执法</h2><p>依据《中华人民共和国行政处罚法》实施。</p>", {})
    index = builder.write(tmp_path)
    docs = read_whole_index(tmp_path)
    count = index["config"]["parts"]["shards"]
    shards = [json.loads((tmp_path / "search" / "parts" / f"p{i}.json").read_text(encoding="utf-8")) for i in range(count)]

    def holders(term: str) -> set[str]:
        found = None
        for pair in (term[i:i + 2] for i in range(len(term) - 1)):
            gaps = shards[shard_of(pair, count)].get(pair, [])
            numbers = set(itertools.accumulate(gaps))
            found = numbers if found is None else found & numbers
        return {docs[n]["location"] for n in found or ()}

    assert holders("实行火葬") == {"handbook/binzang/#t4"}
    assert holders("行政处罚法") == {"reports/2024/#a"}  # 《》 do not break the pairs
    assert holders("殡葬") == {d["location"] for d in docs if "殡葬" in d["text"]}
    pinyin = shards[shard_of("=xingzheng", count)]["=xingzheng"]
    assert "行政" in pinyin


def test_tokenizer_from_the_shared_dictionary_cuts_like_jieba_loading_its_own():
    """make_tokenizer copies the general dictionary loaded once instead of loading it again;
    its cuts must be those of a tokenizer that jieba initialises itself."""
    import jieba

    words = list(curated_terms()) + ["殡葬管理条例", "殡葬设施管理"]
    own = jieba.Tokenizer()
    for word in words:
        own.add_word(word)
        own.suggest_freq(word, tune=True)
    text = (ROOT / "docs" / "reports" / "2024.md").read_text(encoding="utf-8")
    text += (ROOT / "handbook" / "binzang-guanli-tiaoli.md").read_text(encoding="utf-8")
    assert list(make_tokenizer(words).cut(text, HMM=False)) == list(own.cut(text, HMM=False))
    # each tokenizer has its own copy: the words added above are not in the next one
    assert list(make_tokenizer([]).cut("殡葬设施管理", HMM=False)) != ["殡葬设施管理"]


def test_serve_rebuild_after_an_edit_writes_what_a_fresh_build_writes(tmp_path):
    """Segmentation is remembered across `mkdocs serve` rebuilds; an edited page must not get
    stale words, whether the edit keeps the dictionary (body text) or changes it (a heading)."""
    report = '<h2 id="a"><span class="fz-num">（一）</span>落实政府法律顾问制度。</h2><p>聘请律师。</p>'

    def build(law_page: str, *, fresh: bool) -> dict:
        if fresh:
            segmenter.cache_clear()
        (tmp_path / "search").mkdir(exist_ok=True)
        (tmp_path / "search" / "search_index.json").write_text('{"config": {}, "docs": []}', encoding="utf-8")
        builder = IndexBuilder()
        builder.add_page("handbook/binzang/", "殡葬管理条例", law_page, {"title": "殡葬管理条例"})
        builder.add_page("reports/2024/", "报告", report, {})
        return builder.write(tmp_path)

    build(LAW_PAGE, fresh=True)
    body_edit = LAW_PAGE.replace("插入的条文。", "县级人民政府民政部门负责火化设施规划。")
    served = build(body_edit, fresh=False)
    assert served == build(body_edit, fresh=True)
    assert "火化设施" not in served["config"]["words"].split(" ")
    assert {"民政部门", "负责"} <= set(served["config"]["words"].split(" "))

    heading_edit = body_edit + '<h2 id="zhang-3"><span class="fz-law-num">第三章</span> 火化设施规划</h2>'
    served = build(heading_edit, fresh=False)
    assert served == build(heading_edit, fresh=True)
    assert "火化设施规划" in served["config"]["words"].split(" ")


def test_material_search_keeps_its_box_but_does_no_segmenting(tmp_path, monkeypatch):
    """Material's own indexer (HTML parsing and jieba over every page) would be thrown away:
    with the fazhi plugin it segments nothing, and the index holds fazhi's documents."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from material.plugins.search import plugin as material_search

    cuts = []
    monkeypatch.setattr(material_search, "jieba", SimpleNamespace(cut=lambda text: cuts.append(text) or [text]))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# 婚姻登记\n\n## 宪法宣传周\n\n结合宪法宣传周开展婚姻登记普法。\n",
                                                encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ntheme:\n  name: material\n  language: zh\nplugins:\n  - search:\n      lang: zh\n"
        "  - fazhi\n", encoding="utf-8")
    build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site")))

    assert cuts == []
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["separator"] and index["config"]["lang"] == ["zh"]
    home = [doc["title"] for doc in index["docs"] if doc["location"].split("#")[0] == ""]
    assert home == ["婚姻登记", "宪法宣传周"]
    assert "婚姻登记" in index["config"]["words"].split(" ")
    assert 'class="md-search"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_warm_build_takes_segmentation_from_the_store_without_jieba(tmp_path, monkeypatch):
    """What a build segmented is kept in .cache/search: the next build of unchanged texts (a new
    process) writes the same index without loading jieba's dictionary; a changed text is segmented."""
    from fazhi.search import dictionary

    store = tmp_path / "cache"

    def build(law_page: str) -> dict:
        segmenter.cache_clear()
        (tmp_path / "search").mkdir(exist_ok=True)
        (tmp_path / "search" / "search_index.json").write_text('{"config": {}, "docs": []}', encoding="utf-8")
        builder = IndexBuilder()
        builder.add_page("handbook/binzang/", "殡葬管理条例", LAW_PAGE, {"title": "殡葬管理条例"})
        builder.add_page("reports/2024/", "报告", law_page, {})
        return builder.write(tmp_path, store=store)

    report = '<h2 id="a">落实政府法律顾问制度。</h2><p>依据《中华人民共和国行政处罚法》实施。</p>'
    cold = build(report)
    loads = []
    real = dictionary.make_tokenizer
    monkeypatch.setattr(dictionary, "make_tokenizer", lambda words: loads.append(1) or real(words))
    assert build(report) == cold and loads == []
    edited = build(report.replace("实施。", "实施火化设施规划。"))
    assert loads == [1] and "火化" in edited["config"]["words"].split(" ")
