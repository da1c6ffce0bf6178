"""Handbook corpora at the sizes the benchmarks measure, made here so anyone can rerun them.

* `1x`: the project's handbook/ as it is.
* `large` (about 40 texts, 3,600 articles): the 27 shared law texts (../shared/laws), a
  synthetic civil code of 1,260 articles in 7 编, two of them with 分编, chapters counted
  again from 第一章 in every 编 (as in the 民法典), and 12 synthetic laws of 60 to 130 articles.
* `huge` (991 texts, about 50,000 articles): what a 法规库 would hold; synthetic laws only.

Synthetic articles reuse the sentences of the shared texts (their article numbers and
cross-references removed, so every text is continuous and refers to nothing that is missing),
chosen by a fixed seed: the same corpus on every run, real Chinese of realistic length.

    .venv/bin/python bench/corpus.py large /tmp/handbook-large   # write one, print its size
"""

from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fazhi.text.frontmatter import split_front_matter  # noqa: E402
from fazhi.text.numerals import to_chinese  # noqa: E402

SHARED_LAWS = ROOT.parent / "shared" / "laws"
SEED = 14
CODE_BOOKS = [("总则", 204, 0), ("物权", 258, 5), ("合同", 526, 3), ("人格权", 51, 0),
              ("婚姻家庭", 79, 0), ("继承", 45, 0), ("侵权责任", 97, 0)]
LARGE_LAWS = [60, 70, 75, 80, 85, 90, 95, 100, 105, 110, 120, 130]
HUGE_TEXTS, HUGE_ARTICLES = 991, 50_000
_OPENING = re.compile(r"^第[零〇一二两三四五六七八九十百千万]+条(?:之[一二三四五六七八九])?[ \u3000]*")
_REFERENCE = re.compile(r"第[零〇一二两三四五六七八九十百千万]+(?:条|款|项|章|节|编)(?:之[一二三四五六七八九])?|前款|前两款|前三款|《[^》]*》")
_ASCII_ITEM = re.compile(r"^\(([一二三四五六七八九十]+)\)")
_TOPICS = "社会救助 养老服务 儿童福利 婚姻登记 殡葬管理 社会组织 慈善事业 志愿服务 地名管理 区划管理 社区治理 残疾人服务".split()


def article_bodies() -> list[list[str]]:
    """Every article of the shared texts as its paragraphs, number and references taken out."""
    bodies: list[list[str]] = []
    for law in sorted(SHARED_LAWS.glob("*.md")):
        _, body, _ = split_front_matter(law.read_text(encoding="utf-8"))
        current: list[str] | None = None
        for line in body.splitlines():
            line = line.strip()
            if not line or line.startswith(("#", "<!--")):
                current = None if line.startswith("#") else current
                continue
            if _OPENING.match(line):
                current = [_clean(_OPENING.sub("", line))]
                bodies.append(current)
            elif current is not None:
                current.append(_clean(line))
    return [b for b in bodies if b[0]]


def _clean(text: str) -> str:
    """No cross-references (they would point nowhere), items numbered （一） as the check wants."""
    return _ASCII_ITEM.sub(r"（\1）", _REFERENCE.sub("本法", text))


class Writer:
    """Writes synthetic law files whose articles run 1..N across their divisions."""

    def __init__(self, folder: Path, seed: int = SEED) -> None:
        self.folder = folder
        self.random = random.Random(seed)
        self.bodies = article_bodies()

    def articles(self, lines: list[str], first: int, count: int) -> int:
        for number in range(first, first + count):
            paragraphs = self.random.choice(self.bodies)
            lines += [f"第{to_chinese(number)}条　{paragraphs[0]}", ""]
            for paragraph in paragraphs[1:]:
                lines += [paragraph, ""]
        return first + count

    def law(self, stem: str, title: str, count: int, chapter_size: int = 12) -> int:
        """A 法律 of `count` articles in chapters of about `chapter_size`."""
        lines, number = self.head(title, count), 1
        for chapter in range(1, (count + chapter_size - 1) // chapter_size + 1):
            size = min(chapter_size, count - number + 1)
            lines += [f"## 第{to_chinese(chapter)}章　{self.random.choice(_TOPICS)}", ""]
            number = self.articles(lines, number, size)
        self.write(stem, lines)
        return count

    def code(self, stem: str, title: str) -> int:
        """A civil code: 编, some with 分编, chapters from 第一章 again in every 编."""
        total = sum(count for _, count, _ in CODE_BOOKS)
        lines, number = self.head(title, total), 1
        for book, (name, count, parts) in enumerate(CODE_BOOKS, 1):
            lines += [f"## 第{to_chinese(book)}编　{name}", ""]
            sizes = _split(count, parts) if parts else [count]
            chapter = 1
            for part, size in enumerate(sizes, 1):
                if parts:
                    lines += [f"### 第{to_chinese(part)}分编　{name}{to_chinese(part)}", ""]
                level = "####" if parts else "###"
                for chunk in _split(size, max(1, size // 15)):
                    lines += [f"{level} 第{to_chinese(chapter)}章　{self.random.choice(_TOPICS)}", ""]
                    number = self.articles(lines, number, chunk)
                    chapter += 1
        self.write(stem, lines)
        return total

    @staticmethod
    def head(title: str, count: int) -> list[str]:
        return ["---", f"title: {title}", "level: 法律", "status: current", f"article_count: {count}",
                "history:", "- 2020年5月28日 基准测试用合成文本", "---", f"# {title}", "",
                "2020年5月28日 基准测试用合成文本", "", "<!-- INFO END -->", ""]

    def write(self, stem: str, lines: list[str]) -> None:
        (self.folder / f"{stem}.md").write_text("\n".join(lines), encoding="utf-8")


def _split(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def make(kind: str, folder: Path) -> int:
    """Fill `folder` (a handbook/ directory, made empty first) with a corpus; returns its article count."""
    shutil.rmtree(folder, ignore_errors=True)
    if kind == "1x":
        shutil.copytree(ROOT / "handbook", folder)
        return sum(len(re.findall(r"^第[^条\n]{1,12}条", p.read_text(encoding="utf-8"), re.M))
                   for p in folder.glob("*.md"))
    folder.mkdir(parents=True)
    shutil.copy2(ROOT / "handbook" / "handbook.yml", folder / "handbook.yml")
    writer = Writer(folder)
    if kind == "large":
        count = 0
        for law in sorted(SHARED_LAWS.glob("*.md")):
            if law.name != "README.md":
                shutil.copy2(law, folder / law.name)
                count += int(re.search(r"^article_count: (\d+)", law.read_text(encoding="utf-8"), re.M)[1])
        count += writer.code("hecheng-fadian", "合成民事法典")
        for i, size in enumerate(LARGE_LAWS, 1):
            count += writer.law(f"hecheng-fa-{i}", f"合成{_TOPICS[i - 1]}法", size)
        return count
    if kind == "huge":
        sizes = _split(HUGE_ARTICLES, HUGE_TEXTS)
        for i, size in enumerate(sizes, 1):
            writer.law(f"fagui-{i:04d}", f"合成{_TOPICS[i % len(_TOPICS)]}条例第{to_chinese(i)}号", size)
        return sum(sizes)
    raise SystemExit(f"未知的语料：{kind}（可选 1x、large、huge）")


if __name__ == "__main__":
    kind, target = sys.argv[1], Path(sys.argv[2])
    articles = make(kind, target)
    texts = len(list(target.glob("*.md")))
    chars = sum(len(p.read_text(encoding="utf-8")) for p in target.glob("*.md"))
    print(f"{kind}: {texts} 部文本，{articles} 条，{chars / 1e6:.2f} 百万字符 → {target}")
