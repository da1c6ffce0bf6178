"""What a government page carries for readers beyond the legal footer: the 党政机关网站标识, the
我为政府网站找错 entry, and a 纠错 link on every page.

- The 党政机关网站标识 is an image the site's registration body issues with a link to the site's
  record there. The image is a file of the project (under docs/): a page never loads anything from
  another host, so a hot-linked copy (the registration site's own script and image) is refused.
- 我为政府网站找错 links to the national platform's page for this site (the address it gives).
- 纠错 opens the reader's mail program with a message to the bureau's mailbox, the page's title
  and address already written in, so a reader who spots a wrong character need not say where.

Each is left out while its setting is empty, as the footer's fields are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Mapping
from urllib.parse import quote, urlsplit

from fazhi.settings import FeedbackOptions

IMAGE_SUFFIXES = (".png", ".gif", ".jpg", ".jpeg", ".svg", ".webp")
_EMAIL = re.compile(r"^[^@\s<>\"'?&]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$")


@dataclass(frozen=True)
class SiteMark:
    """The 党政机关网站标识: `image` is site-relative (a file under docs/), `link` the record's address."""

    image: str
    link: str


@dataclass(frozen=True)
class Feedback:
    """The validated settings; an empty value hides its part."""

    site_mark: SiteMark | None = None
    #: The 我为政府网站找错 address of this site on the national platform.
    zhaocuo: str = ""
    #: The mailbox 纠错 messages go to.
    email: str = ""

    def correction_mailto(self, title: str, address: str) -> str:
        """The mailto: address of the 纠错 link of a page titled `title` at `address` ("" when off)."""
        if not self.email:
            return ""
        subject = f"纠错：{title}"
        body = f"页面：{title}\r\n地址：{address}\r\n\r\n错误之处：\r\n\r\n修改建议：\r\n"
        return f"mailto:{quote(self.email, safe='@')}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def feedback_of(options: FeedbackOptions, footer: Mapping[str, str]) -> Feedback:
    """The settings as the pages use them: 纠错 goes to the footer's 电子邮箱 unless a mailbox of its own is set."""
    mark = SiteMark(options.site_mark_image, options.site_mark_link) if options.site_mark_image else None
    return Feedback(mark, options.zhaocuo, options.email or str(footer.get("电子邮箱") or ""))


def web_address_problem(value: str) -> str | None:
    """Why `value` cannot be a link to another site's page (http or https, with a host), or None."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        return f"{value!r} 不是网址：应以 https:// 或 http:// 开头"
    return None


def email_problem(value: str) -> str | None:
    if not _EMAIL.match(value):
        return f"{value!r} 不是电子邮箱地址"
    return None


def image_problem(value: str) -> str | None:
    """Why `value` cannot name the 网站标识 image: it must be a relative path to an image file."""
    if urlsplit(value).scheme or value.startswith(("/", "\\")):
        return (f"图片 {value!r} 须是本站的文件（放在 docs/ 下，写相对于 docs/ 的路径，如 assets/dzjg.png），"
                "不能引用其他网站的图片")
    path = PurePosixPath(value.replace("\\", "/"))
    if ".." in path.parts:
        return f"图片 {value!r} 须在 docs/ 之内"
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        return f"图片 {value!r} 须是图片文件（{'、'.join(IMAGE_SUFFIXES)}）"
    return None


def missing_image(docs_dir: Path, mark: SiteMark | None) -> str | None:
    """A message when the 网站标识 image is not in docs/ (the page would show a broken image)."""
    if mark is None or (docs_dir / mark.image).is_file():
        return None
    return f"找不到党政机关网站标识的图片 {docs_dir.name}/{mark.image}：请把发放的标识图片放到这里"
