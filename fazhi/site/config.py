"""The `fazhi` plugin's options in mkdocs.yml: one schema, read by the build and by `fazhi check`.

    plugins:
      - fazhi:
          bureau: 东辽县民政局
          handbook: handbook
          pdf: {handbook_size: A5}

Declared with MkDocs' own config options (as Material declares its plugins' in `config.py`), so
MkDocs validates them when it loads the plugin: a wrong value stops the build with a message
naming its key, and a misspelt key is a warning (so it fails --strict). `fazhi check` and the CLI
read the same block from mkdocs.yml with the same schema (`load_project`), so check and build
cannot disagree. Both turn the options into the engine's typed `fazhi.settings.Settings`.

Before this plugin the same options lived under `extra.fazhi`; they are still read, with a
warning naming where each now goes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable, Mapping

from mkdocs.config import base
from mkdocs.config import config_options as c

from fazhi.addresses import HANDBOOK
from fazhi.check.runner import Result, run
from fazhi.diagnostics import Diagnostic
from fazhi.feedback import email_problem, image_problem, web_address_problem
from fazhi.project import PLUGIN, Project, ProjectFile
from fazhi.report.numbering import SCHEMES
from fazhi.settings import (DEFAULT_SIGNATURE, IMPRINT_KEYS, PAPER_SIZES, FeedbackOptions, PdfOptions, PortalOptions,
                            Settings, SettingsError, pdfs_wanted)
from fazhi.site.footer import FIELDS as FOOTER_FIELDS

#: Where the options lived before the plugin: mkdocs.yml `extra.fazhi`.
LEGACY = "extra.fazhi"


class _Paper(c.Choice):
    """A4 or A5, in any letter case."""

    def run_validation(self, value: object) -> str:
        return super().run_validation(str(value).upper())


class _Signature(c.Type):
    """Pages per booklet signature: a positive multiple of 4."""

    def run_validation(self, value: object) -> int:
        value = super().run_validation(value)
        if value < 4 or value % 4:
            raise c.ValidationError(f"每帖页数必须是 4 的倍数（至少 4），而不是 {value}")
        return value


class _Numbering(c.Type):
    """{"default": scheme, "<folder>/": scheme, …} with every scheme known."""

    def run_validation(self, value: object) -> dict[str, str]:
        value = {str(k): str(v) for k, v in super().run_validation(value).items()}
        for key, scheme in value.items():
            if scheme not in SCHEMES:
                raise c.ValidationError(f"{key}: 未知的编号方案 {scheme!r}，可用：{', '.join(SCHEMES)}")
        return value


class _Fields(c.Type):
    """{"name": "text", …} with names from a fixed list (the footer's fields, the 版权页's lines);
    an empty field is left out, as the page leaves it out."""

    def __init__(self, names: tuple[str, ...]) -> None:
        super().__init__(dict, default={})
        self.names = names

    def run_validation(self, value: object) -> dict[str, str]:
        value = super().run_validation(value)
        unknown = [str(key) for key in value if key not in self.names]
        if unknown:
            raise c.ValidationError(f"未知的项：{'、'.join(unknown)}；可用的项：{'、'.join(self.names)}")
        return {str(k): str(v).strip() for k, v in value.items() if v is not None and str(v).strip()}


class _Checked(c.Type):
    """A text checked by one of the engine's `…_problem` functions; "" (unset) is always fine."""

    def __init__(self, problem) -> None:
        super().__init__(str, default="")
        self.problem = problem

    def run_validation(self, value: object) -> str:
        value = super().run_validation("" if value is None else value).strip()
        problem = value and self.problem(value)
        if problem:
            raise c.ValidationError(problem)
        return value


class _Together(c.SubConfig):
    """A group whose fields are given all together or not at all (an image without its link…)."""

    def __init__(self, config_class: type[base.Config], message: str) -> None:
        super().__init__(config_class)
        self.config_class = config_class  # SubConfig sets it only on itself, not on a subclass
        self.message = message

    def run_validation(self, value: object):
        config = super().run_validation(value)
        given = [bool(config[key]) for key in config]
        if any(given) and not all(given):
            raise c.ValidationError(self.message)
        return config


class SiteMarkConfig(base.Config):
    """feedback.site_mark: the 党政机关网站标识 as issued: its image (under docs/) and its link."""

    image = _Checked(image_problem)
    link = _Checked(web_address_problem)


class FeedbackConfig(base.Config):
    """feedback: the 党政机关网站标识, 我为政府网站找错 and every page's 纠错 (each hidden while empty)."""

    site_mark = _Together(SiteMarkConfig, "党政机关网站标识须同时写图片（image）和链接（link）")
    zhaocuo = _Checked(web_address_problem)
    email = _Checked(email_problem)


class PortalConfig(base.Config):
    """portal: the county portal's header and footer files (relative to mkdocs.yml)."""

    header = c.Type(str, default="")
    footer = c.Type(str, default="")


class StaffPagesConfig(base.Config):
    """staff_pages: pages for staff, left out of the published site unless publish."""

    pages = c.ListOfItems(c.Type(str), default=["guide.md"])
    publish = c.Type(bool, default=False)


class PdfConfig(base.Config):
    """pdf: paper of the whole handbook and of each law, pages per signature, fonts, 版权页."""

    handbook_size = _Paper(PAPER_SIZES, default="A5")
    law_size = _Paper(PAPER_SIZES, default="A5")
    booklet_signature = _Signature(int, default=DEFAULT_SIGNATURE)
    #: Licensed faces by role (a file path or an installed family name); checked by fazhi.pdf.fonts.
    fonts = c.Type(dict, default={})
    #: The 版权页 on the back of the handbook's title page.
    imprint = _Fields(IMPRINT_KEYS)


class FazhiConfig(base.Config):
    """The plugin's options."""

    bureau = c.Type(str, default="")
    #: Folder of the law texts, relative to mkdocs.yml.
    handbook = c.Type(str, default=HANDBOOK)
    #: Top-level navigation order: files, or folders ending in /.
    nav_order = c.ListOfItems(c.Type(str), default=[])
    numbering = _Numbering(dict, default={})
    pdf = c.SubConfig(PdfConfig)
    staff_pages = c.SubConfig(StaffPagesConfig)
    #: The legal footer: 主办单位, contact, 网站标识码, 备案号 (empty fields are not shown).
    footer = _Fields(FOOTER_FIELDS)
    feedback = c.SubConfig(FeedbackConfig)
    #: The site as a column of the county portal: its header and footer in place of the site's.
    portal = _Together(PortalConfig, "门户网站专栏须同时写页头（header）和页脚（footer）两个文件")


def to_settings(config: FazhiConfig, environ: Mapping[str, str] = os.environ) -> Settings:
    """The engine's typed settings from validated options (FAZHI_PDF=0 in `environ` turns PDFs off)."""
    numbering = dict(config.numbering)
    pdf = config.pdf
    return Settings(
        bureau=config.bureau,
        handbook=config.handbook,
        nav_order=tuple(config.nav_order),
        numbering_default=numbering.pop("default", "none"),
        numbering_by_path=numbering,
        pdf=PdfOptions(pdfs_wanted(environ), pdf.handbook_size, pdf.law_size, pdf.booklet_signature,
                       {str(k): str(v) for k, v in pdf.fonts.items()}, dict(pdf.imprint)),
        staff_pages=tuple(config.staff_pages.pages),
        publish_staff_pages=config.staff_pages.publish,
        footer=dict(config.footer),
        feedback=FeedbackOptions(config.feedback.site_mark.image, config.feedback.site_mark.link,
                                 config.feedback.zhaocuo, config.feedback.email),
        portal=PortalOptions(config.portal.header.strip(), config.portal.footer.strip()),
    )


def settings_of(options: Mapping[str, Any]) -> Settings:
    """The typed settings of options as mkdocs.yml writes them (unknown keys ignored)."""
    return to_settings(validate(options)[0])


def validate(options: Mapping[str, Any]) -> tuple[FazhiConfig, list[str]]:
    """Options as mkdocs.yml gives them → the validated config and warnings for unknown keys.

    Raises SettingsError naming the first wrong key, in the words MkDocs' own validation uses.
    """
    config = FazhiConfig()
    config.load_dict(dict(options))
    failed, warnings = config.validate()
    if failed:
        key, error = failed[0]
        raise SettingsError(f"mkdocs.yml 中 {PLUGIN} 插件的设置 {key} 有误：{error}")
    return config, [f"mkdocs.yml 中 {PLUGIN} 插件的设置项 {name} 无法识别（拼写是否有误？），已忽略"
                    for name in _unknown(warnings)]


def legacy_messages(legacy: Mapping[str, Any]) -> list[str]:
    """One warning per option still under extra.fazhi, naming where it goes now."""
    return [f"mkdocs.yml 中的 {LEGACY}.{key} 已不再使用：请移到 plugins 下的 {PLUGIN} 插件中"
            f"（plugins: - {PLUGIN}: {key}: …）；本次构建仍按它的值处理" for key in legacy]


def load_project(root: Path, environ: Mapping[str, str] = os.environ) -> tuple[Project, list[str]]:
    """The project whose mkdocs.yml is in `root`, as `fazhi check` and the CLI see it, and the
    warnings its options give (unknown keys, options still under extra.fazhi)."""
    file = ProjectFile.read(root)
    config, warnings = validate(file.options)
    names, configs = file.markdown_extensions()
    project = Project(root, to_settings(config, environ), file.docs_folder, names, configs)
    return project, warnings + legacy_messages(file.legacy_options)


def check_project(root: Path, paths: Iterable[Path] = (), *, fix: bool = False) -> Result:
    """`fazhi check` of the project in `root`: the settings' own warnings first (they fail the
    strict build too), then every file's findings."""
    project, warnings = load_project(root)
    result = run(list(paths), project, fix=fix)
    result.diagnostics[:0] = [Diagnostic("mkdocs.yml", 1, 1, "warning", message) for message in warnings]
    return result


def _unknown(warnings: list[tuple[str, object]]) -> list[str]:
    """Dotted names of unrecognised keys, from MkDocs' validation warnings.

    MkDocs says "Unrecognised configuration name: bar" for a key of the plugin, and
    "Sub-option 'foo': Unrecognised configuration name: foo" for one inside pdf.
    """
    names = []
    for key, warning in warnings:
        text = str(warning)
        if "Unrecognised configuration name" not in text:
            continue
        sub = text.split("'")[1] if text.startswith("Sub-option '") else None
        names.append(f"{key}.{sub}" if sub else key)
    return names
