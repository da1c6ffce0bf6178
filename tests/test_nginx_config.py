"""deploy/nginx.conf as install-server.sh renders it for one server (fazhi/publish/nginx.py), without
running nginx (tests/test_nginx.py serves the rendered file): the server's paths go in, nothing else
changes, and a certificate that is not there stops the installation before nginx would."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from fazhi.publish import nginx
from fazhi.publish.nginx import NginxConfigError, NginxSite, render
from fazhi.security import csp

TEMPLATE = nginx.TEMPLATE.read_text(encoding="utf-8")


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_only_the_servers_paths_and_name_change():
    site = NginxSite(root=Path("/data/fazhi/current"), certificate=Path("/etc/nginx/cert/mzj.pem"),
                     key=Path("/etc/nginx/cert/mzj.key"), server_name="mzj.example.gov.cn www.mzj.example.gov.cn",
                     acme=Path("/data/fazhi/acme"))
    added = ["+" + line[1:].strip() for line in changed_lines(TEMPLATE, render(TEMPLATE, site)) if line.startswith("+")]
    assert sorted(added) == sorted([
        "+root /data/fazhi/current;", "+root /data/fazhi/acme;",
        "+ssl_certificate /etc/nginx/cert/mzj.pem;", "+ssl_certificate_key /etc/nginx/cert/mzj.key;",
        # both servers (port 80's redirect and the HTTPS site) answer to the domain
        "+server_name mzj.example.gov.cn www.mzj.example.gov.cn;",
        "+server_name mzj.example.gov.cn www.mzj.example.gov.cn;",
    ])


def test_the_defaults_render_the_file_as_it_is():
    assert render(TEMPLATE, NginxSite()) == TEMPLATE


@pytest.mark.parametrize("site, words", [
    (NginxSite(server_name="mzj.example.gov.cn; return 200"), "网站域名"),
    (NginxSite(certificate=Path("证书/mzj.pem")), "绝对路径"),
    (NginxSite(root=Path("/srv/my site/current")), "空格"),
])
def test_a_setting_nginx_would_misread_is_refused_with_its_value(site, words):
    with pytest.raises(NginxConfigError, match=words):
        render(TEMPLATE, site)


def test_an_edited_template_line_is_named():
    with pytest.raises(NginxConfigError, match="ssl_certificate_key /etc/ssl/fazhi/privkey.pem;"):
        render(TEMPLATE.replace("ssl_certificate_key /etc/ssl/fazhi/privkey.pem;", "ssl_certificate_key x;"),
               NginxSite())


def test_a_missing_certificate_stops_before_nginx_sees_it(tmp_path, capsys):
    key = tmp_path / "privkey.pem"
    key.write_text("key")
    code = nginx.main(["--cert", str(tmp_path / "fullchain.pem"), "--key", str(key)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert f"找不到证书文件 {tmp_path / 'fullchain.pem'}" in err and "--cert" in err
    assert "私钥" not in err.split("（")[0]


def test_the_rendered_file_is_printed_for_the_installer(tmp_path, capsys):
    for name in ("fullchain.pem", "privkey.pem"):
        (tmp_path / name).write_text(name)
    code = nginx.main(["--cert", str(tmp_path / "fullchain.pem"), "--key", str(tmp_path / "privkey.pem"),
                       "--root", "/srv/site/current", "--server-name", "mzj.example.gov.cn"])
    out = capsys.readouterr().out
    assert code == 0
    assert f"ssl_certificate {tmp_path / 'fullchain.pem'};" in out and "server_name mzj.example.gov.cn;" in out


def test_a_column_of_the_portal_is_served_under_its_prefix_only():
    conf = render(TEMPLATE, NginxSite(root=Path("/srv/fazhi/current"), prefix="/zt/fzjs/"))
    assert "error_page 404 /zt/fzjs/404.html;" in conf
    assert "location /zt/fzjs/ {\n        alias /srv/fazhi/current/;" in conf
    assert "location = / {\n        return 302 /zt/fzjs/;" in conf
    # the rest of the host is the portal's: nothing of the site folder is served there
    assert conf.count("try_files") == 1 and "location / {\n        return 404;" in conf


def test_the_policy_of_a_column_also_allows_its_404_pages_scope_script():
    plain = render(TEMPLATE, NginxSite())
    column = render(TEMPLATE, NginxSite(prefix="/zt/fzjs/"))
    policy = lambda conf: re.search(r'Content-Security-Policy "([^"]*)"', conf).group(1)
    added = set(policy(column).split()) - set(policy(plain).split())
    assert added == {csp.script_hash(csp.scope_script("/zt/fzjs/"))}
    assert csp.with_prefix(policy(column), "/zt/fzjs/") == policy(column)  # once only


@pytest.mark.parametrize("prefix", ["zt/fzjs/", "/zt/fzjs", "/zt fzjs/", "/zt/专栏/", "/zt/../"])
def test_a_prefix_nginx_and_browsers_could_read_differently_is_refused(prefix):
    with pytest.raises(NginxConfigError, match="网站路径"):
        render(TEMPLATE, NginxSite(prefix=prefix))


def test_the_installer_takes_the_prefix_from_the_projects_site_url(tmp_path, capsys):
    for name in ("fullchain.pem", "privkey.pem"):
        (tmp_path / name).write_text(name)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nsite_url: https://www.example.gov.cn/zt/fzjs/\n", encoding="utf-8")
    code = nginx.main(["--cert", str(tmp_path / "fullchain.pem"), "--key", str(tmp_path / "privkey.pem"),
                       "--project", str(tmp_path)])
    assert code == 0 and "location /zt/fzjs/ {" in capsys.readouterr().out
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    nginx.main(["--cert", str(tmp_path / "fullchain.pem"), "--key", str(tmp_path / "privkey.pem"), "--project", str(tmp_path)])
    assert "location /zt/" not in capsys.readouterr().out and "location / {\n        try_files" in TEMPLATE
