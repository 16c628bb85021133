"""Hostile input, class 4: web pages that made html.parser quadratic, or nest without end."""

from __future__ import annotations

import pytest

from ._run import completed, refused, run

MB4 = 4 * 1024 * 1024


@pytest.mark.parametrize(
    "page",
    [
        # html.parser restarted at every '<' of an unterminated tag and scanned to the end of the
        # page: 80 KB of these took 35 s, 4 MB ran for hours. The size.
        pytest.param(lambda: "<p>Article text.</p>" + "<a href=x " * (MB4 // 10), id="unclosed-tags-4MB"),
        pytest.param(lambda: "<p>Text.</p>" + "</" * (MB4 // 2), id="end-tag-openers-4MB"),
        pytest.param(lambda: "<p>Text.</p>" + "<?" * (MB4 // 2), id="processing-openers-4MB"),
        pytest.param(lambda: "<p>Text.</p>" + "<![CDATA[" * (MB4 // 9), id="cdata-openers-4MB"),
        pytest.param(lambda: "<p>Text.</p><!--" + "x" * MB4, id="unclosed-comment-4MB"),
        pytest.param(
            lambda: (
                "<html><body>" + "<p>The minister spoke on <b>Monday</b> &amp; left.</p>\n" * (MB4 // 4 // 55)
            ),
            id="ordinary-page-1MB",
        ),
    ],
)
def test_pages_within_the_limit_are_read_in_linear_time(tmp_path, page) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "page.html"
    path.write_text(page(), encoding="utf-8")
    completed(run("check", path, "--format", "json", "--language", "en", timeout=30))


def test_nesting_past_the_depth_limit_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "deep.html"
    path.write_text("<div>" * 200_000 + "text", encoding="utf-8")
    refused(run("check", path), r"nests elements more than 256 deep")


def test_a_page_larger_than_the_limit_is_refused_before_parsing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "big.html"
    path.write_text("<p>x</p>" * 300_000, encoding="utf-8")
    refused(run("check", path, "--max-size", "1"), r"is too large \(2\.3 MB; the limit is 1\.0 MB\)")
