"""The Chinese faces of the print stylesheet, found by file path, never by fontconfig name.

fontconfig resolves 仿宋/FangSong/KaiTi to DejaVu on this system, so print.css names its own
role families (fazhi-fangsong, …) and this module binds them to font files with @font-face
rules. The PDF then names each embedded face by the face's own PostScript name
(FandolFang-Regular, NotoSerifCJKsc-Bold, …; embedded_names), never by a name that would
claim another (e.g. commercial) face.
A missing file is an error that names the Debian package installing it: a silent fallback
would print a 公文 in the wrong face.

Noto CJK ships as .ttc collections (JP, KR, SC, TC, HK faces). WeasyPrint hands the whole
collection file to fontconfig, which then always picks face 0 (Noto … CJK JP). So the SC face
is copied out of the collection once with fontTools (tables copied as they are, no glyph
changes) into the cache folder, and that single-face file is what @font-face points to.
Every face (Fandol too) gets there one addition, a GSUB feature for the break glyph of
grid.py's justification (prepared_face), so @font-face always points into the cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from fontTools.otlLib import builder as otl
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.ttLib.tables import otTables

from fazhi.pdf import halfwidth

#: Where Debian and scripts/setup.sh put the files.
FONT_DIRS = (
    Path("/usr/local/share/fonts/fandol"),
    Path("/usr/share/fonts/opentype/noto"),
    Path("/usr/share/fonts/truetype/arphic"),
    Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"),
)


class FontMissing(RuntimeError):
    """A face of the print stylesheet has no font file on this machine."""


@dataclass(frozen=True)
class Face:
    family: str  # the family name print.css uses
    role: str  # what the face is for, in the error message
    files: tuple[str, ...]  # candidate file names, first found wins
    package: str  # the Debian package that installs them
    face_name: str = ""  # inside a .ttc: the full name (name ID 4) of the face to use
    weight: str = "normal"


#: The OpenType feature print.css turns on for grid.py's text (see prepared_face).
BREAK_FEATURE = "zbrk"


FACES = (
    Face("fazhi-fangsong", "仿宋（正文）", ("FandolFang-Regular.otf",),
         "texlive-lang-chinese（运行 bash scripts/setup.sh 提取 Fandol 字体）"),
    Face("fazhi-kaiti", "楷体（二级标题）", ("FandolKai-Regular.otf",),
         "texlive-lang-chinese（运行 bash scripts/setup.sh 提取 Fandol 字体）"),
    Face("fazhi-heiti", "黑体（一级标题）", ("NotoSansCJK-Regular.ttc",), "fonts-noto-cjk",
         "Noto Sans CJK SC"),
    Face("fazhi-heiti", "黑体粗体", ("NotoSansCJK-Bold.ttc",), "fonts-noto-cjk",
         "Noto Sans CJK SC Bold", "bold"),
    Face("fazhi-songti", "宋体（页码、手册正文）", ("NotoSerifCJK-Regular.ttc",), "fonts-noto-cjk",
         "Noto Serif CJK SC"),
    Face("fazhi-xiaobiaosong", "小标宋（标题）", ("NotoSerifCJK-Bold.ttc",), "fonts-noto-cjk",
         "Noto Serif CJK SC Bold"),
)


def find_file(face: Face, dirs: tuple[Path, ...] = FONT_DIRS) -> Path:
    """The first existing candidate file of `face`, or FontMissing naming its package."""
    for name in face.files:
        for folder in dirs:
            if (folder / name).is_file():
                return folder / name
    raise FontMissing(
        f"打印字体缺失：{face.role}需要 {' 或 '.join(face.files)}（在 {', '.join(map(str, dirs))} 中均未找到），"
        f"请安装 Debian 软件包 {face.package}")


def prepared_face(path: Path, face_name: str, cache_dir: Path) -> tuple[Path, int, int]:
    """The face as its own font file in `cache_dir` (made once) with a break glyph; returns
    the file, the break glyph's id and the tight glyph's id (halfwidth.py).

    A face of a .ttc (`face_name` set) is copied out of the collection. Every face gets an
    OpenType feature BREAK_FEATURE that substitutes U+0020 by a blank glyph no character
    maps to (the break glyph): grid.py's break spaces are drawn with it, the source's own
    spaces with the ordinary space glyph, so that render.py can drop exactly the break
    spaces from the PDF's text layer. The same feature halves punctuation (halfwidth.py).
    Tables are copied as they are; GSUB, GPOS, cmap and hmtx get the additions.
    """
    stat = path.stat()
    # "|v5": files made before the punctuation rules are not reused.
    key = hashlib.sha256(f"{path}|{stat.st_size}|{stat.st_mtime_ns}|{face_name}|v5".encode()).hexdigest()[:16]
    stem = face_name.replace(" ", "") if face_name else path.stem
    target = cache_dir / f"{stem}-{key}.otf"
    glyph_file = target.with_suffix(".break")
    if target.is_file() and glyph_file.is_file():
        blank, tight = map(int, glyph_file.read_text("ascii").split())
        return target, blank, tight
    font = _open_face(path, face_name)
    space = font.getBestCmap()[0x20]
    (blank, tight), order = _free_glyphs(font), font.getGlyphOrder()
    font = _open_face(path, face_name)  # untouched tables (CFF) are then saved without recompiling
    font.setGlyphOrder(order)
    _add_substitution(font, BREAK_FEATURE, space, blank)
    halfwidth.add_rules(font, BREAK_FEATURE, tight)
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".tmp")
    font.recalcTimestamp = False  # keep the face's head.modified: same bytes on every machine
    font.recalcBBoxes = False  # outlines are unchanged; recomputing them took minutes per CJK face
    font.save(str(partial))
    glyph_file.write_text(f"{order.index(blank)} {order.index(tight)}", "ascii")
    partial.replace(target)  # atomic: a parallel build never reads half a file
    return target, order.index(blank), order.index(tight)


def _open_face(path: Path, face_name: str) -> TTFont:
    if not face_name:
        return TTFont(str(path), lazy=True)
    for font in TTCollection(str(path), lazy=True).fonts:
        if font["name"].getDebugName(4) == face_name:
            return font
    raise FontMissing(f"打印字体缺失：{path} 中没有字体 {face_name}，请重新安装 Debian 软件包 fonts-noto-cjk")


def _free_glyphs(font: TTFont) -> tuple[str, str]:
    """Two glyphs no character maps to and no substitution produces: the first without
    outline (the break glyph), the second any other (the tight glyph, which textlayer.py
    removes from every content stream, so it is never drawn)."""
    used = set(font.getBestCmap().values())
    if "GSUB" in font:
        for lookup in font["GSUB"].table.LookupList.Lookup:
            for table in lookup.SubTable:
                used.update(_outputs(getattr(table, "ExtSubTable", table)))
    glyphs, blank, other = font.getGlyphSet(), None, None
    for name in font.getGlyphOrder()[1:]:
        if name not in used:
            pen = BoundsPen(glyphs)
            glyphs[name].draw(pen)
            if pen.bounds is None and blank is None:
                blank = name
            elif other is None:
                other = name
            if blank and other:
                return blank, other
    raise FontMissing(f"打印字体无法使用：{font.reader.file.name} 中没有空白字形，无法实现两端对齐")


def _outputs(table) -> set[str]:
    """Glyphs a GSUB subtable may produce (single, multiple, alternate, ligature)."""
    out: set[str] = set()
    for value in (getattr(table, "mapping", None) or {}).values():
        out.update([value] if isinstance(value, str) else value)
    for value in (getattr(table, "alternates", None) or {}).values():
        out.update(value)
    for ligatures in (getattr(table, "ligatures", None) or {}).values():
        out.update(lig.LigGlyph for lig in ligatures)
    return out


def _add_substitution(font: TTFont, tag: str, glyph: str, replacement: str) -> None:
    """Add feature `tag` (glyph → replacement) to every script and language of the face."""
    if "GSUB" not in font:
        font["GSUB"] = newTable("GSUB")
        gsub = font["GSUB"].table = otTables.GSUB()
        gsub.Version = 0x00010000
        gsub.ScriptList = otTables.ScriptList()
        gsub.ScriptList.ScriptRecord = [_script(tag) for tag in ("DFLT", "hani", "latn")]
        gsub.FeatureList = otTables.FeatureList()
        gsub.FeatureList.FeatureRecord = []
        gsub.LookupList = otTables.LookupList()
        gsub.LookupList.Lookup = []
    gsub = font["GSUB"].table
    gsub.LookupList.Lookup.append(otl.buildLookup([otl.buildSingleSubstSubtable({glyph: replacement})]))
    record = otTables.FeatureRecord()
    record.FeatureTag, record.Feature = tag, otTables.Feature()
    record.Feature.FeatureParams = None
    record.Feature.LookupListIndex = [len(gsub.LookupList.Lookup) - 1]
    gsub.FeatureList.FeatureRecord.append(record)  # sorts last: tags are lowercase, "z…"
    index = len(gsub.FeatureList.FeatureRecord) - 1
    for script in gsub.ScriptList.ScriptRecord:
        systems = [script.Script.DefaultLangSys] + [r.LangSys for r in script.Script.LangSysRecord]
        for system in filter(None, systems):
            system.FeatureIndex.append(index)


def _script(tag: str):
    record = otTables.ScriptRecord()
    record.ScriptTag, record.Script = tag, otTables.Script()
    record.Script.DefaultLangSys = otTables.LangSys()
    record.Script.DefaultLangSys.ReqFeatureIndex = 0xFFFF
    record.Script.DefaultLangSys.FeatureIndex = []
    record.Script.LangSysRecord = []
    return record


def face_path(face: Face, cache_dir: Path, dirs: tuple[Path, ...] = FONT_DIRS) -> Path:
    """The file @font-face should load for `face`."""
    return prepared_face(find_file(face, dirs), face.face_name, cache_dir)[0]


def advances(path: Path, glyph: int) -> tuple[float, float]:
    """Advance widths in em of U+0020 and of glyph id `glyph` (one font load for both)."""
    font = TTFont(str(path), lazy=True)
    metrics, em = font["hmtx"], font["head"].unitsPerEm
    return metrics[font.getBestCmap()[0x20]][0] / em, metrics[font.getGlyphName(glyph)][0] / em


@dataclass(frozen=True)
class Bound:
    """A face of print.css bound to its prepared file (see prepared_face)."""

    face: Face
    path: Path
    break_glyph: int  # glyph id of grid.py's break spaces in this file
    tight_glyph: int  # glyph id of compress.py's TIGHT (halfwidth.py)

    @property
    def postscript_name(self) -> str:
        """The face's own name (name ID 6), which the PDF shows for it (embedded_names)."""
        name = TTFont(str(self.path), lazy=True)["name"].getDebugName(6)
        return name or self.path.stem


def bound_faces(cache_dir: Path, dirs: tuple[Path, ...] = FONT_DIRS,
                faces: tuple[Face, ...] = FACES) -> list[Bound]:
    """Every face of `faces` with its file in `cache_dir`/fonts; raises FontMissing."""
    return [Bound(face, *prepared_face(find_file(face, dirs), face.face_name, cache_dir / "fonts"))
            for face in faces]


def role(face: Face) -> str:
    """The key of `face` in the fazhi plugin's pdf.fonts option: fangsong, heiti-bold, …"""
    return face.family.removeprefix("fazhi-") + ("-bold" if face.weight == "bold" else "")


#: Characters every configured face must draw: a 公文 set in a face without them would
#: silently fall back to another face.
REQUIRED_CHARS = "中华人民共和国法第一条，。、：；“”《》（）0123456789 "


def configured_faces(setting: Mapping[str, str] | None) -> tuple[Face, ...]:
    """FACES with the faces named in the plugin's pdf.fonts (a file path, or a family name
    that fontconfig knows, e.g. 方正仿宋_GBK) in place of the free defaults.

    A bureau that has licensed 方正仿宋_GBK or 方正小标宋 uses them this way; without the
    setting the free faces stay. A .ttc path uses the collection's first face (name the
    family instead for another one). Raises FontMissing (Chinese, naming the setting) for an
    unknown role, a file or family that is not there, or a face without Chinese glyphs.
    """
    setting = dict(setting or {})
    roles = {role(face): face for face in FACES}
    unknown = sorted(set(setting) - set(roles))
    if unknown:
        raise FontMissing(f"mkdocs.yml 中 fazhi 插件的 pdf.fonts 中有未知的字体用途 {'、'.join(unknown)}，"
                          f"可用的是 {'、'.join(roles)}")
    return tuple(_configured(face, str(setting[role(face)])) if role(face) in setting else face for face in FACES)


def _configured(face: Face, value: str) -> Face:
    where = f"mkdocs.yml 中 fazhi 插件的 pdf.fonts.{role(face)}"
    path, face_name = Path(value).expanduser(), ""
    if not path.is_absolute():
        path, face_name = _fontconfig_file(value, "bold" if face.weight == "bold" else "regular", where)
    if not path.is_file():
        raise FontMissing(f"{where}：字体文件 {path} 不存在")
    if path.suffix.lower() == ".ttc" and not face_name:
        face_name = TTCollection(str(path), lazy=True).fonts[0]["name"].getDebugName(4)
    font = _open_face(path, face_name)
    missing = [ch for ch in REQUIRED_CHARS if ord(ch) not in font.getBestCmap()]
    if missing:
        raise FontMissing(f"{where}：字体 {value} 缺少字符 {''.join(missing)!r}，不能用于打印")
    return dataclasses.replace(face, role=f"{face.role}（{where}）", files=(str(path),),
                               package=f"（按 {where} 的设置）", face_name=face_name)


def _fontconfig_file(family: str, weight: str, where: str) -> tuple[Path, str]:
    """The file and full name of the face fontconfig has for `family` at `weight`; only an
    exact family match counts (fc-match itself always answers with some fallback)."""
    out = subprocess.run(["fc-match", "-f", "%{file}|%{fullname[0]}|%{family}", f"{family}:weight={weight}"],
                         capture_output=True, text=True, check=False).stdout
    path, full_name, families = (out.split("|", 2) + ["", ""])[:3]
    if family not in families.split(","):
        raise FontMissing(f"{where}：本机没有名为 {family} 的字体（fc-list 中找不到），"
                          f"请安装该字体或改写为字体文件的完整路径")
    return Path(path), full_name if path.lower().endswith(".ttc") else ""


def embedded_names(document, pdf, bound: list[Bound]) -> None:
    """Name every embedded face in `pdf` by its own PostScript name (WeasyPrint names it
    after the CSS family, here a role such as fazhi-fangsong, which says nothing about
    the face and licence). Runs in WeasyPrint's finisher, on the PDF objects."""
    names = {(b.face.family, 700 if b.face.weight == "bold" else 400): b.postscript_name for b in bound}
    renamed = {}
    for font in document.fonts.values():
        own = names.get((font.family, font.weight))
        if own:
            renamed[font.name] = b"/" + font.hash.encode() + b"+" + own.replace(" ", "-").encode("ascii", "replace")
    for obj in pdf.objects:
        if isinstance(obj, dict):
            for key in ("BaseFont", "FontName"):
                if obj.get(key) in renamed:
                    obj[key] = renamed[obj[key]]


def space_property(face: Face, kind: str = "space") -> str:
    """`--fz-space-fangsong` (advance of U+0020) or `--fz-break-fangsong` (of the break glyph)
    for fazhi-fangsong: print.css sizes the source's spaces and cancels break spaces with them."""
    return f"--fz-{kind}-" + face.family.removeprefix("fazhi-") + ("-bold" if face.weight == "bold" else "")


def font_face_css(cache_dir: Path, dirs: tuple[Path, ...] = FONT_DIRS, bound: list[Bound] | None = None) -> str:
    """@font-face rules binding print.css's families to files, plus each face's space and
    break glyph advances as custom properties (see grid.py); raises FontMissing."""
    rules, spaces = [], []
    for item in bound or bound_faces(cache_dir, dirs):
        face, path = item.face, item.path
        with path.open("rb") as data:  # in the text so that the render cache notices a changed font file
            digest = hashlib.file_digest(data, "sha256").hexdigest()[:16]
        rules.append(f'/* {digest} */ @font-face {{ font-family: "{face.family}"; '
                     f'font-weight: {face.weight}; src: url("{path.as_uri()}"); }}')
        space, blank = advances(path, item.break_glyph)
        spaces.append(f"{space_property(face)}: {space:.3f}em; {space_property(face, 'break')}: {blank:.3f}em;")
    return "\n".join(rules) + "\n:root { " + " ".join(spaces) + " }\n"
