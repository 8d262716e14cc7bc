"""The headless contract: extract, import, search, speakers, export, as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reader.cli import main


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_files(fixtures, capsys):
    path = str(fixtures / "council.txt")
    code, out, _ = run(["extract", path], capsys)
    assert code == 0
    rec = json.loads(out.strip())
    assert rec["id"] == path
    assert rec["title"] == "School board delays vote on new calendar"
    assert not rec["text"].startswith("School board delays")
    for key in ("outlet", "author", "published"):
        assert key in rec
    quotes = rec["quotes"]
    assert all(rec["text"][q["start"]:q["end"]] for q in quotes)
    direct = [q for q in quotes if q["kind"] == "direct"]
    assert {q["speaker"] for q in direct} == {"Anita Sharma", "Paul Greene"}
    mixed = [q for q in quotes if q["kind"] == "mixed"]
    assert mixed and mixed[0]["speaker"] == "Marcus Bell"
    speakers = {s["name"]: s for s in rec["speakers"]}
    assert speakers["Paul Greene"]["quote_count"] >= 3
    assert {"name", "aliases", "role", "quote_count"} <= set(speakers["Paul Greene"])
    assert any(s["type"] == "outlet" and "Gazette" in s["text"] for s in rec["sources"])


def test_extract_input_jsonl_keeps_ids_and_text(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    texts = {"a": "“It works,” Dana Kim said.", "b": "Nothing quoted here at all.", "c": ""}
    src.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in texts.items()) + "not json\n")
    code, out, err = run(["extract", "--input-jsonl", str(src)], capsys)
    assert code == 1 and "not a record" in err  # the bad line is reported, the rest still extracted
    recs = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in recs] == ["a", "b", "c"]
    assert [r["text"] for r in recs] == list(texts.values())
    assert recs[0]["quotes"][0]["speaker"] == "Dana Kim"


@pytest.mark.slow  # a process of its own
def test_extract_with_jobs_matches_single_process(fixtures, tmp_path):
    src = tmp_path / "in.jsonl"
    text = (fixtures / "council.txt").read_text()
    src.write_text("".join(json.dumps({"id": str(i), "text": text}) + "\n" for i in range(3)))
    outs = []
    for jobs in ("1", "2"):
        res = subprocess.run([sys.executable, "-m", "reader", "extract", "--input-jsonl", str(src), "--jobs", jobs],
                             capture_output=True, text=True, check=True)
        outs.append(res.stdout)
    assert outs[0] == outs[1]


def test_extract_bad_file_one_line(tmp_path, capsys):
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"garbage")
    code, out, err = run(["extract", str(bad)], capsys)
    assert code == 1 and out == ""
    assert err.strip().count("\n") == 0 and "not a readable PDF" in err


def test_import_search_speakers_export(fixtures, tmp_path, capsys):
    db = str(tmp_path / "lib.sqlite3")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "council.txt").write_text((fixtures / "council.txt").read_text())
    (folder / "port.html").write_text((fixtures / "article.html").read_text())
    code, _, err = run(["import", str(folder), "--db", db, "--jobs", "1"], capsys)
    assert code == 0 and "2 added" in err
    code, _, err = run(["import", str(folder), "--db", db, "--jobs", "1"], capsys)
    assert "0 added, 2 already in the library" in err

    code, out, _ = run(["search", "savings", "--db", db], capsys)
    assert code == 0 and "Paul Greene" in out
    code, out, _ = run(["search", "strike", "--json", "--db", db], capsys)
    hits = json.loads(out)
    assert hits and hits[0]["speaker"] == "Tomas Reyes" and hits[0]["outlet"] == "The Coastal Herald"
    code, out, _ = run(["search", "--speaker", "Greene", "--db", db], capsys)
    assert code == 0 and "savings" in out.lower()
    code, out, err = run(["search", "zzzzunfindable", "--db", db], capsys)
    assert code == 1 and "no quotes found" in err

    code, out, _ = run(["speakers", "--db", db], capsys)
    assert "Paul Greene" in out and "Anita Sharma" in out
    out_file = tmp_path / "q.md"
    code, _, _ = run(["export", "--format", "md", "savings", "--db", db, "-o", str(out_file)], capsys)
    assert "\u2014 Paul Greene" in out_file.read_text()
    code, out, _ = run(["export", "--format", "csv", "--db", db], capsys)
    assert out.count("\n") >= 6


def test_db_env_variable(fixtures, tmp_path, capsys, monkeypatch):
    db = tmp_path / "env.sqlite3"
    monkeypatch.setenv("QUOTE_READER_DB", str(db))
    code, _, _ = run(["import", str(fixtures / "council.txt"), "--jobs", "1", "--quiet"], capsys)
    assert code == 0 and db.exists()


def test_unknown_model_is_one_clear_line(fixtures, capsys):
    code = main(["extract", str(fixtures / "council.txt"), "--model", "no_such_model_xyz"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip().splitlines() == ["quote-reader: spaCy model 'no_such_model_xyz' is not installed"]


def test_speaker_management_and_article_export(fixtures, tmp_path, capsys):
    db = str(tmp_path / "lib.sqlite3")
    path = str(fixtures / "council.txt")
    assert run(["import", path, "--db", db, "--jobs", "1", "--quiet"], capsys)[0] == 0
    assert run(["speakers", "--rename", "Paul Greene", "Paul R. Greene", "--db", db], capsys)[0] == 0
    assert run(["speakers", "--alias", "Paul R. Greene", "the superintendent", "--db", db], capsys)[0] == 0
    assert run(["speakers", "--merge", "Anita Sharma", "Marcus Bell", "--db", db], capsys)[0] == 0
    code, out, _ = run(["speakers", "--json", "--db", db], capsys)
    speakers = {s["name"]: s for s in json.loads(out)}
    assert "Paul Greene" in speakers["Paul R. Greene"]["aliases"]
    assert "Marcus Bell" in speakers["Anita Sharma"]["aliases"] and "Marcus Bell" not in speakers
    code, out, _ = run(["export", "--format", "json", "--article", path, "--db", db], capsys)
    rows = json.loads(out)
    assert {r["speaker"] for r in rows} == {"Paul R. Greene", "Anita Sharma"}
    code, _, err = run(["speakers", "--rename", "Nobody Here", "X", "--db", db], capsys)
    assert code == 1 and "no speaker called" in err


def test_import_redirected_prints_a_line_per_hundred_files_and_a_summary(tmp_path, capsys):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(120):
        (folder / f"a{n:03d}.md").write_text(f"Item {n}\n\nThe ferry {n} sails at dawn.\n", encoding="utf-8")
    assert main(["import", str(folder), "--db", str(tmp_path / "lib.sqlite3"), "--jobs", "1"]) == 0
    err = capsys.readouterr().err.strip().splitlines()  # pytest's stderr is no terminal
    assert err == ["100/120 articles read", "120/120 articles read", "120 added, 0 already in the library, 0 failed"]


def test_export_an_annotated_article_headless(fixtures, tmp_path, capsys):
    out = tmp_path / "council.html"
    db = str(tmp_path / "lib.sqlite3")
    assert main(["export", "--annotated", str(fixtures / "council.txt"), "-o", str(out), "--db", db]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "Anita Sharma" in page and "<script" not in page
    assert main(["export", "--annotated", str(fixtures / "council.txt"), "-o", str(tmp_path / "x.txt"),
                 "--db", db]) == 2
    assert "OUT.html or -o OUT.pdf" in capsys.readouterr().err


def test_every_option_of_every_command_has_a_help_line():
    import argparse

    from reader.cli import build_gui_parser, build_parser

    missing = []

    def walk(parser: argparse.ArgumentParser, name: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub, subparser in action.choices.items():
                    walk(subparser, sub)
            elif not isinstance(action, argparse._HelpAction) and not action.help:
                missing.append(f"{name} {action.option_strings or action.dest}")

    walk(build_parser(), "quote-reader")
    walk(build_gui_parser(), "quote-reader (window)")
    assert not missing


def test_an_article_the_engine_fails_on_gets_one_line_and_the_batch_goes_on(tmp_path, capsys, monkeypatch):
    from reader import flow

    real = flow.Engine.analyse

    def fragile(self, article, *args, **kwargs):
        if "tripwire" in article.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(self, article, *args, **kwargs)

    monkeypatch.setattr(flow.Engine, "analyse", fragile)
    (tmp_path / "a.txt").write_text("“The pier reopens Friday,” harbor master Ines Vidal said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("“This one trips the tripwire,” Tom Hale said.\n", encoding="utf-8")
    code, out, err = run(["extract", str(tmp_path)], capsys)
    assert code == 1
    assert [json.loads(line)["quotes"][0]["speaker"] for line in out.splitlines()] == ["Ines Vidal"]
    assert err.strip().splitlines() == ["quote-reader: b.txt: could not be analysed (RecursionError); the log has the details"]
