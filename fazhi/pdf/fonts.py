"""The Chinese faces of the print stylesheet, found by file path, never by fontconfig name.

fontconfig resolves 仿宋/FangSong/KaiTi to DejaVu on this system, so print.css names its own
families (FZ-FangSong, …) and this module binds them to font files with @font-face rules.
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

import hashlib
from dataclasses import dataclass
from pathlib import Path

from fontTools.otlLib import builder as otl
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.ttLib.tables import otTables

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
    Face("FZ-FangSong", "仿宋（正文）", ("FandolFang-Regular.otf",),
         "texlive-lang-chinese（运行 bash scripts/setup.sh 提取 Fandol 字体）"),
    Face("FZ-KaiTi", "楷体（二级标题）", ("FandolKai-Regular.otf",),
         "texlive-lang-chinese（运行 bash scripts/setup.sh 提取 Fandol 字体）"),
    Face("FZ-HeiTi", "黑体（一级标题）", ("NotoSansCJK-Regular.ttc",), "fonts-noto-cjk",
         "Noto Sans CJK SC"),
    Face("FZ-HeiTi", "黑体粗体", ("NotoSansCJK-Bold.ttc",), "fonts-noto-cjk",
         "Noto Sans CJK SC Bold", "bold"),
    Face("FZ-SongTi", "宋体（页码、手册正文）", ("NotoSerifCJK-Regular.ttc",), "fonts-noto-cjk",
         "Noto Serif CJK SC"),
    Face("FZ-XiaoBiaoSong", "小标宋（标题）", ("NotoSerifCJK-Bold.ttc",), "fonts-noto-cjk",
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


def prepared_face(path: Path, face_name: str, cache_dir: Path) -> tuple[Path, int]:
    """The face as its own font file in `cache_dir` (made once) with a break glyph; returns
    the file and the break glyph's id.

    A face of a .ttc (`face_name` set) is copied out of the collection. Every face gets an
    OpenType feature BREAK_FEATURE that substitutes U+0020 by a blank glyph no character
    maps to (the break glyph): grid.py's break spaces are drawn with it, the source's own
    spaces with the ordinary space glyph, so that render.py can drop exactly the break
    spaces from the PDF's text layer. Tables are copied as they are, only GSUB is rebuilt.
    """
    stat = path.stat()
    # "|v3": files made before the break glyph are not reused.
    key = hashlib.sha256(f"{path}|{stat.st_size}|{stat.st_mtime_ns}|{face_name}|v3".encode()).hexdigest()[:16]
    stem = face_name.replace(" ", "") if face_name else path.stem
    target = cache_dir / f"{stem}-{key}.otf"
    glyph_file = target.with_suffix(".break")
    if target.is_file() and glyph_file.is_file():
        return target, int(glyph_file.read_text("ascii"))
    font = _open_face(path, face_name)
    space = font.getBestCmap()[0x20]
    blank, order = _blank_glyph(font), font.getGlyphOrder()
    font = _open_face(path, face_name)  # untouched tables (CFF) are then saved without recompiling
    font.setGlyphOrder(order)
    _add_substitution(font, BREAK_FEATURE, space, blank)
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".tmp")
    font.recalcTimestamp = False  # keep the face's head.modified: same bytes on every machine
    font.save(str(partial))
    glyph_file.write_text(str(order.index(blank)), "ascii")
    partial.replace(target)  # atomic: a parallel build never reads half a file
    return target, order.index(blank)


def _open_face(path: Path, face_name: str) -> TTFont:
    if not face_name:
        return TTFont(str(path), lazy=True)
    for font in TTCollection(str(path), lazy=True).fonts:
        if font["name"].getDebugName(4) == face_name:
            return font
    raise FontMissing(f"打印字体缺失：{path} 中没有字体 {face_name}，请重新安装 Debian 软件包 fonts-noto-cjk")


def _blank_glyph(font: TTFont) -> str:
    """A glyph without outline that no character maps to and no substitution produces."""
    used = set(font.getBestCmap().values())
    if "GSUB" in font:
        for lookup in font["GSUB"].table.LookupList.Lookup:
            for table in lookup.SubTable:
                used.update(_outputs(getattr(table, "ExtSubTable", table)))
    glyphs = font.getGlyphSet()
    for name in font.getGlyphOrder()[1:]:
        if name not in used:
            pen = BoundsPen(glyphs)
            glyphs[name].draw(pen)
            if pen.bounds is None:
                return name
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


def bound_faces(cache_dir: Path, dirs: tuple[Path, ...] = FONT_DIRS) -> list[Bound]:
    """Every face of FACES with its file in `cache_dir`/fonts; raises FontMissing."""
    return [Bound(face, *prepared_face(find_file(face, dirs), face.face_name, cache_dir / "fonts"))
            for face in FACES]


def space_property(face: Face, kind: str = "space") -> str:
    """`--fz-space-fangsong` (advance of U+0020) or `--fz-break-fangsong` (of the break glyph)
    for FZ-FangSong: print.css sizes the source's spaces and cancels break spaces with them."""
    return f"--fz-{kind}-" + face.family.removeprefix("FZ-").lower() + ("-bold" if face.weight == "bold" else "")


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
