"""Saved pages of five kinds of news site: titles exact, main text through, page furniture out."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.documents import load_article
from tests.pages import pages

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from metadata import measure, word_f1  # noqa: E402


def test_the_pages_meet_the_metadata_targets():
    result = measure()
    assert result["mean_text_f1"] >= 0.96 and result["share_f1_at_least_0.9"] >= 0.92
    assert result["title_exact"] >= 0.85


@pytest.mark.parametrize("page", pages()[::4], ids=lambda p: p.name)
def test_each_kind_of_page(tmp_path, page):
    path = tmp_path / f"{page.name}.html"
    path.write_text(page.html, encoding="utf-8")
    article = load_article(path)
    assert article.title == page.title
    assert word_f1(article.text, page.text) >= 0.9
    for furniture in ("Subscribe for $1", "Most viewed", "More in Metro", "Comments (12)", "window.dataLayer"):
        assert furniture not in article.text
    if page.name.startswith("daily"):
        assert article.author == "Ana Lima"
    if page.name.startswith("newsroom"):
        assert article.url == "https://nht.example/2025/03/01/metro/story.html"
