"""The Chinese faces of the print stylesheet, found by file path, never by fontconfig name.

fontconfig resolves 仿宋/FangSong/KaiTi to DejaVu on this system, so print.css names its own
families (FZ-FangSong, …) and this module binds them to font files with @font-face rules.
A missing file is an error that names the Debian package installing it: a silent fallback
would print a 公文 in the wrong face.

Noto CJK ships as .ttc collections (JP, KR, SC, TC, HK faces). WeasyPrint hands the whole
collection file to fontconfig, which then always picks face 0 (Noto … CJK JP). So the SC face
is copied out of the collection once with fontTools (tables copied as they are, no glyph
changes) into the cache folder, and that single-face file is what @font-face points to.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont

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


def single_face(collection: Path, face_name: str, cache_dir: Path) -> Path:
    """The face `face_name` of a .ttc as its own font file in `cache_dir` (made once)."""
    stat = collection.stat()
    # "|v2": files made before fonts kept their own head.modified are not reused.
    key = hashlib.sha256(f"{collection}|{stat.st_size}|{stat.st_mtime_ns}|{face_name}|v2".encode()).hexdigest()[:16]
    target = cache_dir / f"{face_name.replace(' ', '')}-{key}.otf"
    if target.is_file():
        return target
    for font in TTCollection(str(collection), lazy=True).fonts:
        if font["name"].getDebugName(4) == face_name:
            cache_dir.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".tmp")
            font.recalcTimestamp = False  # keep the collection's head.modified: same bytes on every machine
            font.save(str(partial))
            partial.replace(target)  # atomic: a parallel build never reads half a file
            return target
    raise FontMissing(f"打印字体缺失：{collection} 中没有字体 {face_name}，请重新安装 Debian 软件包 fonts-noto-cjk")


def face_path(face: Face, cache_dir: Path, dirs: tuple[Path, ...] = FONT_DIRS) -> Path:
    """The file @font-face should load for `face`."""
    path = find_file(face, dirs)
    return single_face(path, face.face_name, cache_dir) if face.face_name else path


def space_advance(path: Path) -> float:
    """Advance width of U+0020 in em, from the font's own metrics."""
    font = TTFont(str(path), lazy=True)
    return font["hmtx"][font.getBestCmap()[0x20]][0] / font["head"].unitsPerEm


def space_property(face: Face) -> str:
    """`--fz-space-fangsong` for FZ-FangSong: print.css cancels break spaces with it."""
    return "--fz-space-" + face.family.removeprefix("FZ-").lower() + ("-bold" if face.weight == "bold" else "")


def font_face_css(cache_dir: Path, dirs: tuple[Path, ...] = FONT_DIRS) -> str:
    """@font-face rules binding print.css's families to files, plus each face's space
    advance as a custom property (see grid.py); raises FontMissing."""
    rules, spaces = [], []
    for face in FACES:
        path = face_path(face, cache_dir / "fonts", dirs)
        with path.open("rb") as data:  # in the text so that the render cache notices a changed font file
            digest = hashlib.file_digest(data, "sha256").hexdigest()[:16]
        rules.append(f'/* {digest} */ @font-face {{ font-family: "{face.family}"; '
                     f'font-weight: {face.weight}; src: url("{path.as_uri()}"); }}')
        spaces.append(f"{space_property(face)}: {space_advance(path):.3f}em;")
    return "\n".join(rules) + "\n:root { " + " ".join(spaces) + " }\n"
