"""Print faces are bound by file; the SC face is taken out of the Noto CJK collections;
a missing file fails with the Debian package to install."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from fazhi.pdf import fonts


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


def test_pdf_embeds_the_bound_faces(built_site):
    """The report's PDF uses only the stylesheet's families (no DejaVu or other fallback)."""
    import pdfplumber

    with pdfplumber.open(built_site / "pdf" / "reports" / "2024.pdf") as pdf:
        names = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars}
    assert names <= {face.family for face in fonts.FACES}, names
    assert {"FZ-FangSong", "FZ-KaiTi", "FZ-HeiTi", "FZ-SongTi", "FZ-XiaoBiaoSong"} <= names
