"""Print faces are bound by file; the SC face is taken out of the Noto CJK collections;
a missing file fails with the Debian package to install; the PDF names every face by its
own name, never by one that claims a commercial face (FZ…/方正…); licensed faces can be
configured in mkdocs.yml."""

from __future__ import annotations

import subprocess

import pytest
from fontTools.ttLib import TTFont

from fazhi.pdf import fonts
from fazhi.pdf import html as print_html
from fazhi.pdf.render import Renderer, source_date
from pdf_layout import own_name


def test_missing_face_names_its_package(tmp_path):
    with pytest.raises(fonts.FontMissing) as error:
        fonts.font_face_css(tmp_path, dirs=(tmp_path,))
    assert "FandolFang-Regular.otf" in str(error.value) and "texlive-lang-chinese" in str(error.value)
    noto = fonts.FACES[2]
    with pytest.raises(fonts.FontMissing) as error:
        fonts.find_file(noto, dirs=(tmp_path,))
    assert "fonts-noto-cjk" in str(error.value)


def test_collections_give_their_simplified_chinese_face(tmp_path):
    css = fonts.font_face_css(tmp_path)
    for face in fonts.FACES:
        path = fonts.face_path(face, tmp_path / "fonts")
        assert path.as_uri() in css
        name = TTFont(str(path), lazy=True)["name"]
        if face.face_name:  # the SC face of the collection, not face 0 (JP)
            assert name.getDebugName(4) == face.face_name
            assert "SC" in name.getDebugName(1)
    assert "--fz-space-fangsong" in css


def _pdffonts(path) -> set[str]:
    """Embedded font names as poppler's pdffonts lists them, without the subset prefix."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return {line.split()[0].split("+")[-1] for line in out.splitlines()[2:]}


def test_pdf_embeds_the_faces_under_their_own_names(built_site):
    """pdffonts shows FandolFang-Regular, NotoSerifCJKsc-Bold …: the faces really embedded,
    as a reviewer checking font licences reads them; none named FZ… or 方正…."""
    for pdf in ("reports/2024.pdf", "handbook.pdf"):
        names = _pdffonts(built_site / "pdf" / pdf)
        assert not [n for n in names if n.upper().startswith("FZ") or n.startswith("方正")], (pdf, names)
        assert names <= {own_name(fonts.role(face)) for face in fonts.FACES}, (pdf, names)
    report = _pdffonts(built_site / "pdf" / "reports" / "2024.pdf")
    assert {"FandolFang-Regular", "FandolKai-Regular", "NotoSansCJKsc-Regular", "NotoSerifCJKsc-Regular",
            "NotoSerifCJKsc-Bold"} <= report


def test_configured_face_by_path_is_used_and_named(tmp_path):
    """A bureau's own face (here the Noto Serif file as 仿宋) replaces the free default."""
    serif = fonts.find_file(next(f for f in fonts.FACES if fonts.role(f) == "songti"))
    faces = fonts.configured_faces({"fangsong": str(serif)})
    body = '<h1 class="fz-title">测试</h1><div class="fz-body"><p>正文内容。</p></div>'
    info = print_html.DocInfo("测试", "东辽县民政局", source_date({}))
    target = Renderer(tmp_path / "cache", faces=faces).render(print_html.report_html(body, info), tmp_path / "r.pdf")
    names = _pdffonts(target)
    assert "FandolFang-Regular" not in names
    # the first face of the collection file, under its own name
    assert any(n.startswith("NotoSerifCJK") and n.endswith("-Regular") for n in names), names


@pytest.mark.parametrize("setting, message", [
    ({"fangsong": "/nonexistent/方正仿宋_GBK.ttf"}, "不存在"),
    ({"fangsong": "方正仿宋_GBK不存在的字体"}, "fc-list 中找不到"),
    ({"biaosong": "/x.ttf"}, "未知的字体用途 biaosong"),
])
def test_bad_font_setting_says_what_to_fix(setting, message):
    with pytest.raises(fonts.FontMissing) as error:
        fonts.configured_faces(setting)
    assert message in str(error.value) and "fazhi 插件的 pdf.fonts" in str(error.value)


def test_configured_family_name_found_by_fontconfig():
    """A family name that fontconfig knows is resolved to its file (DejaVu lacks Chinese
    glyphs, so it is refused with the missing characters named)."""
    faces = fonts.configured_faces({"songti": "Noto Serif CJK SC"})
    songti = next(f for f in faces if fonts.role(f) == "songti")
    assert songti.files[0].endswith(".ttc") and "SC" in songti.face_name
    with pytest.raises(fonts.FontMissing) as error:
        fonts.configured_faces({"songti": "DejaVu Sans"})
    assert "缺少字符" in str(error.value)
