"""Citations pinned word for word in each style, and exports with one column per part."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest

from reader.library.citation import authors_of, citation
from reader.library.export import export_hits
from reader.model import SearchHit

HIT = SearchHit(quote_id=1, article_id=1, text="We held fares down for six years", snippet="", kind="direct",
                speaker="Ada Moss", role="chief of the ferry operator", article_title="Ferry fares rise in spring",
                outlet="Harbor City Ledger", published="2025-03-01", path="https://ledger.example/ferry", start=0,
                end=31, author="Jane Roe; JANE ROE and Tom Hardy")
BARE = dataclasses.replace(HIT, role=None, author=None, published=None, path="/home/me/ferry.txt")


@pytest.mark.parametrize("hit, style, expected", [
    (HIT, "plain", "— Ada Moss, chief of the ferry operator, “Ferry fares rise in spring”, Harbor City Ledger, "
                   "by Jane Roe and Tom Hardy, 2025-03-01, https://ledger.example/ferry"),
    (HIT, "apa", "Ada Moss, chief of the ferry operator, quoted in Roe, J., & Hardy, T. (2025, March 1). "
                 "Ferry fares rise in spring. Harbor City Ledger. https://ledger.example/ferry"),
    (HIT, "chicago", "Ada Moss, chief of the ferry operator, quoted in Jane Roe and Tom Hardy, “Ferry fares rise "
                     "in spring,” Harbor City Ledger, March 1, 2025, https://ledger.example/ferry."),
    (BARE, "plain", "— Ada Moss, “Ferry fares rise in spring”, Harbor City Ledger, /home/me/ferry.txt"),
    (BARE, "apa", "Ada Moss, quoted in Ferry fares rise in spring. (n.d.). Harbor City Ledger. /home/me/ferry.txt"),
    (BARE, "chicago", "Ada Moss, quoted in “Ferry fares rise in spring,” Harbor City Ledger, /home/me/ferry.txt."),
])
def test_each_style_word_for_word(hit, style, expected):
    assert citation(hit, style) == expected


def test_authors_are_named_once_however_the_page_repeats_them():
    assert authors_of(HIT) == ["Jane Roe", "Tom Hardy"]
    assert authors_of(dataclasses.replace(HIT, author="By ANA LIMA")) == ["Ana Lima"]


def test_csv_and_json_have_one_column_per_part():
    rows = list(csv.DictReader(io.StringIO(export_hits([HIT, BARE], "csv", "apa"))))
    assert rows[0]["author"] == "Jane Roe; Tom Hardy" and rows[0]["url"] == "https://ledger.example/ferry"
    assert rows[0]["file"] == "" and rows[1]["file"] == "/home/me/ferry.txt" and rows[1]["url"] == ""
    assert rows[0]["citation"] == citation(HIT, "apa") and rows[0]["role"] == "chief of the ferry operator"
    records = json.loads(export_hits([HIT], "json", "chicago"))
    assert {"speaker", "role", "article_title", "outlet", "author", "published", "url", "file", "citation"} <= set(
        records[0])
    assert records[0]["citation"].endswith("https://ledger.example/ferry.")
    assert "quoted in Roe, J., & Hardy, T." in export_hits([HIT], "md", "apa")
