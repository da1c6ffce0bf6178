"""The `fazhi` command for staff: import a Word or text file, check the sources, start a year's report.

    fazhi import 报告.docx -o docs/reports/2025.md
    fazhi import --law 条例.txt
    fazhi check [路径…] [--fix]
    fazhi new-report 2025
    fazhi new-wenda 结婚登记要带哪些证件？ [--case]
    fazhi publish | fazhi releases | fazhi rollback [版本]   (on the web server)
    fazhi compare 旧文本.md 新文本.md -o 对照表.pdf
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from fazhi.addresses import report_uri
from fazhi.text import ids
from fazhi.report import new as new_report
from fazhi.wenda import new as new_wenda
from fazhi.check.runner import display_path, find_root
from fazhi.project import Project
from fazhi.settings import SettingsError
from fazhi.site.config import check_project, load_project
from fazhi.diagnostics import Diagnostic
from fazhi.importer import import_file
from fazhi.importer.report import Imported
from fazhi.law.continuity import check_articles
from fazhi.publish import commands as publish_commands

_YEAR = re.compile(r"(\d{4})年")


class _ChineseHelp(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


#: argparse's own messages (English) → Chinese, by their fixed beginnings.
_ARGPARSE_MESSAGES = {
    "the following arguments are required: ": "缺少参数：",
    "unrecognized arguments: ": "无法识别的参数：",
    "invalid choice: ": "无效的选择：",
    "expected one argument": "缺少选项的值",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        for english, chinese in _ARGPARSE_MESSAGES.items():
            message = message.replace(english, chinese)
        message = re.sub(r"argument (\S+): invalid int value: '([^']*)'", r"\1 应为整数，而不是“\2”", message)
        message = re.sub(r"argument (\S+): 无效的选择：'([^']*)' \(choose from ([^)]*)\)",
                         lambda m: f"没有“{m[2]}”这个{m[1]}，可用：{m[3].replace(chr(39), '')}", message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: 错误：{message}（运行 fazhi --help 查看用法）\n")


def _parser() -> argparse.ArgumentParser:
    def new(parser_factory, **kwargs) -> argparse.ArgumentParser:
        parser = parser_factory(formatter_class=_ChineseHelp, add_help=False, **kwargs)
        parser._positionals.title = "参数"
        parser._optionals.title = "选项"
        parser.add_argument("-h", "--help", action="help", help="显示本帮助并退出")
        return parser

    parser = new(_Parser, prog="fazhi", description="东辽县民政局法治建设公开网站的编辑工具。")
    commands = parser.add_subparsers(dest="command", title="命令", metavar="命令", required=True)

    imp = new(commands.add_parser, name="import", help="把 Word（.docx）或文本（.txt）文件导入为网站的 Markdown 文件",
              description="把年度报告（或用 --law 导入法律法规）从 .docx 或 .txt 转为网站使用的 Markdown 文件。")
    imp.add_argument("file", metavar="文件", type=Path, help="要导入的 .docx 或 .txt 文件（UTF-8、GBK 均可）")
    imp.add_argument("-o", "--output", metavar="输出", type=Path,
                     help="写到哪个文件，例如 docs/reports/2025.md；不写时按标题中的年份（法律按名称）自动决定")
    imp.add_argument("--law", action="store_true", help="导入的是法律法规（从国家法律法规数据库复制的全文），放入手册文件夹（fazhi 插件的 handbook 设置，默认 handbook/）")
    imp.add_argument("--force", action="store_true", help="输出文件已存在时覆盖它")

    chk = new(commands.add_parser, name="check", help="检查 Markdown 文件（编码、前置信息、编号、条文、链接）",
              description="不构建网站，直接检查文件。与正式构建（scripts/build.sh，即 mkdocs build --strict）一致："
                          "凡会使正式构建失败的问题都报为“错误”或“警告”，此时退出码为 1；"
                          "“提示”不影响构建，退出码仍为 0。")
    chk.add_argument("paths", metavar="路径", nargs="*", type=Path,
                     help="要检查的文件或文件夹（默认 docs/ 和手册文件夹，即 mkdocs.yml 中 fazhi 插件的 handbook 设置，默认 handbook/）")
    chk.add_argument("--fix", action="store_true", help="把 GBK 编码、带 BOM 或 Windows 换行的文件改存为 UTF-8，并删除零宽字符（U+200B 等），其余一字不改")
    chk.add_argument("-v", "--verbose", action="store_true", help="同时列出“提示”级别的信息")

    rep = new(commands.add_parser, name="new-report", help="按模板新建某一年度的法治政府建设报告",
              description="新建 docs/reports/<年份>.md，含厅字〔2019〕28号要求的五部分内容；报告列表自动更新。")
    rep.add_argument("year", metavar="年份", type=int, help="报告所属年度，例如 2025")
    rep.add_argument("--force", action="store_true", help="该年度报告已存在时覆盖它")
    qa = new(commands.add_parser, name="new-wenda", help="按模板新建一条问答（或以案释法）",
             description="在 docs/wenda/ 新建一个文件，标题是问题本身，文件名取问题的拼音；"
                         "写好答案和依据（引用的条文）后运行 fazhi check。")
    qa.add_argument("title", metavar="问题", help="群众问的问题，例如“结婚登记要带哪些证件？”（含空格或标点时加引号）")
    qa.add_argument("--case", action="store_true", help="以案释法：模板含“案情”“说法”两部分")
    qa.add_argument("--force", action="store_true", help="同名文件已存在时覆盖它")
    cmp = new(commands.add_parser, name="compare", help="新旧对照：逐条比较法律法规的两个文本，列出新增、删除和修改的条文",
              description="按条文内容（而不是条号）对照两个文本；不写 -o 时在屏幕上列出有变化的条文。")
    cmp.add_argument("old", metavar="旧文本", type=Path, help="修订前的文本：手册的 .md 文件，或 .docx、.txt 文件")
    cmp.add_argument("new", metavar="新文本", type=Path, help="修订后的文本（格式同上），例如待发布的修订稿")
    cmp.add_argument("-o", "--output", metavar="输出", type=Path, help="写成对照表文件：.html（网页）或 .pdf（A4 横向，可打印）")
    # Server-side commands last: staff use the ones above.
    publish_commands.add_parsers(commands, new)
    return parser


def _print(diagnostics: list[Diagnostic], verbose: bool = True) -> None:
    for item in diagnostics:
        if verbose or item.level != "info":
            print(item, file=sys.stderr)


def _default_output(project: Project, imported: Imported, law: bool) -> Path | None:
    title = str(imported.meta.get("title") or "")
    addresses = project.addresses
    if law:
        return addresses.handbook_dir / f"{ids.slugify(title.removeprefix('中华人民共和国'))}.md" if title else None
    match = _YEAR.search(title)
    return addresses.docs_dir / report_uri(int(match.group(1))) if match else None


def _project() -> Project:
    """The project around the working folder; a wrong setting raises SettingsError."""
    return load_project(find_root(Path.cwd()))[0]


def cmd_import(args: argparse.Namespace) -> int:
    try:
        project = _project()
    except SettingsError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 1
    try:
        imported = import_file(args.file, law=args.law)
    except (OSError, ValueError) as error:
        print(f"{args.file}: 错误：无法导入：{error}", file=sys.stderr)
        return 1
    _print(imported.diagnostics)
    output = args.output or _default_output(project, imported, args.law)
    if output is None:
        sys.stdout.write(imported.markdown)
        print("未能从标题中看出年份，结果已输出到屏幕；请用 -o 指定文件，例如 -o docs/reports/2025.md", file=sys.stderr)
        return 1
    if output.exists() and not args.force:
        print(f"{output}: 错误：文件已存在；如确要覆盖，请加 --force", file=sys.stderr)
        return 1
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(imported.markdown, encoding="utf-8")
    print(f"已写入 {output}", file=sys.stderr)
    found = check_project(project.root, [output]).diagnostics
    if args.law:  # also when the output is not under handbook/, where check runs it anyway
        found = sorted(set(found) | set(check_articles(imported.markdown, display_path(output))))
    _print(found, verbose=False)
    return 1 if any(d.level == "error" for d in [*found, *imported.diagnostics]) else 0


def cmd_check(args: argparse.Namespace) -> int:
    try:
        result = check_project(find_root(Path.cwd()), args.paths, fix=args.fix)
    except SettingsError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 1
    for path in result.fixed:
        print(f"{path}: 已改存为 UTF-8（无 BOM、无零宽字符，LF 换行）", file=sys.stderr)
    _print(result.diagnostics, args.verbose)
    errors, warnings, infos = (result.count(level) for level in ("error", "warning", "info"))
    print(f"检查了 {result.files} 个文件：{errors} 个错误，{warnings} 个警告，{infos} 条提示", file=sys.stderr)
    return 1 if errors or warnings else 0


def cmd_new_report(args: argparse.Namespace) -> int:
    try:
        project = _project()
        path = new_report.create(project.addresses.docs_dir, args.year, project.settings.bureau, force=args.force)
    except (FileExistsError, SettingsError) as error:
        print(f"错误：{error}", file=sys.stderr)
        return 1
    print(f"已新建 {path}：请把其中的“{new_report.PLACEHOLDER}”替换为正文，写好后运行 fazhi check", file=sys.stderr)
    return 0


def cmd_new_wenda(args: argparse.Namespace) -> int:
    try:
        project = _project()
        path = new_wenda.create(project.addresses.wenda_dir, args.title, case=args.case, force=args.force)
    except (FileExistsError, SettingsError) as error:
        print(f"错误：{error}", file=sys.stderr)
        return 1
    print(f"已新建 {path}：请把其中的“{new_report.PLACEHOLDER}”替换为答案和依据，写好后运行 fazhi check", file=sys.stderr)
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from fazhi.compare.command import run as compare
    from fazhi.pdf.build import cache_dir

    return compare(args.old, args.new, args.output, cache_dir(find_root(Path.cwd()) / "mkdocs.yml"))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler = {"import": cmd_import, "check": cmd_check, "new-report": cmd_new_report, "new-wenda": cmd_new_wenda,
               "compare": cmd_compare, **publish_commands.HANDLERS}[args.command]
    return handler(args)
