"""The Python module against the command line, and its contract."""

import concurrent.futures
import os
import random
import re
import threading

import pytest
import thresh

from conftest import REPO, golden_cases, run_cli

CASES = golden_cases()


def options(args):
    """The constructor keywords for a golden case's CLI arguments."""
    kwargs = {}
    it = iter(args)
    for arg in it:
        if arg == "--lang":
            kwargs["lang"] = next(it)
        elif arg == "--disable":
            kwargs["disable"] = next(it).split(",")
        elif arg == "--no-default-rules":
            kwargs["default_rules"] = False
        elif arg == "--rules":
            kwargs["rules"] = [str(REPO / next(it))]
        else:
            raise AssertionError(f"golden args not understood by the test: {args}")
    return kwargs


@pytest.mark.parametrize("name,args,data", CASES, ids=[c[0] for c in CASES])
def test_module_matches_cli_on_every_golden_document(thresh_bin, name, args, data):
    expected = run_cli(thresh_bin, args, data).stdout.decode("utf-8")
    cleaner = thresh.Thresh(**options(args))
    assert cleaner.clean_bytes(data) == expected
    assert cleaner.clean(data.decode("utf-8")) == expected


def test_module_matches_cli_on_legacy_encodings(thresh_bin):
    text = (
        "市場消息\n\n"
        "恆生指數今日上升百分之二，投資者憧憬美國聯儲局將於下月減息，科技股及內房股普遍造好。\n\n"
        "免責聲明：本網站內容僅供參考，不構成任何投資建議。\n"
    )
    for encoding in ["big5", "gb18030", "utf-16"]:
        data = text.encode(encoding)
        expected = run_cli(thresh_bin, ["--lang", "zh"], data).stdout.decode("utf-8")
        assert thresh.Thresh(lang="zh").clean_bytes(data) == expected, encoding
        assert expected.startswith("市場消息"), encoding


def test_batch_equals_map_in_order():
    cleaner = thresh.Thresh(lang="any")
    texts = [data.decode("utf-8") for _, _, data in CASES] * 7
    random.Random(7).shuffle(texts)
    one_by_one = [cleaner.clean(t) for t in texts]
    assert cleaner.clean_batch(texts) == one_by_one
    assert cleaner.clean_batch(texts, threads=1) == one_by_one
    assert cleaner.clean_batch(texts, threads=3) == one_by_one
    assert cleaner.clean_batch(tuple(texts)) == one_by_one
    assert cleaner.clean_batch([]) == []
    assert cleaner.clean_batch([None, "", "   \n"]) == ["", "", ""]
    with pytest.raises(ValueError):
        cleaner.clean_batch(texts, threads=0)


def test_one_cleaner_shared_by_threads():
    cleaner = thresh.Thresh()
    texts = [data.decode("utf-8") for _, _, data in CASES] * 4
    expected = [cleaner.clean(t) for t in texts]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(cleaner.clean, texts))
        batches = list(pool.map(cleaner.clean_batch, [texts] * 4))
    assert got == expected
    assert all(b == expected for b in batches)


def test_batch_releases_the_gil():
    """Another Python thread keeps running while a batch is being cleaned."""
    cleaner = thresh.Thresh()
    texts = [data.decode("utf-8") for _, _, data in CASES] * 300
    ticks = 0
    done = threading.Event()

    def tick():
        nonlocal ticks
        while not done.is_set():
            ticks += 1

    ticker = threading.Thread(target=tick)
    ticker.start()
    before = ticks
    cleaner.clean_batch(texts, threads=1)
    during = ticks - before
    done.set()
    ticker.join()
    assert during > 1000, f"the ticker thread advanced only {during} times during the batch"


def test_report_spans_are_characters():
    text = "ニュース速報\n\n東京株式市場で日経平均株価は反発し、前日比で三百円高の水準で取引を終えた。半導体関連株に買いが集まった。\n\nCopyright © 2025 Example News. All rights reserved.\n"
    report = thresh.Thresh(lang="ja").clean_report(text)
    assert report["text"] == thresh.Thresh(lang="ja").clean(text)
    blocks = report["blocks"]
    assert len(blocks) == 3
    for block in blocks:
        start, end = block["span"]
        piece = text[start:end]
        assert piece.strip() == piece and piece, block
    assert text[slice(*blocks[1]["span"])].startswith("東京株式市場")
    assert blocks[1]["decision"] == "keep" and blocks[1]["lang"] == "ja"
    last = blocks[2]
    assert last["decision"] == "drop" and last["by"] == "rule" and last["rule"]
    assert last["evidence"], "a rule decision carries its evidence"
    assert report["decode"]["encoding"] == "UTF-8"


def test_report_stripped_spans_are_characters():
    text = (
        "Über die Lage\n\n"
        "BERLIN (Reuters) – Die Bundesregierung hat am Mittwoch ihre Prognose für das Wachstum gesenkt, "
        "weil die Exporte schwächer ausfallen als erwartet.\n"
    )
    report = thresh.Thresh(lang="de").clean_report(text)
    stripped = [s for b in report["blocks"] for s in b["stripped"]]
    assert stripped, report
    for start, end in stripped:
        assert text[start:end].startswith("BERLIN"), text[start:end]
        assert text[start:end] not in report["text"]


def test_report_of_each_golden_document_accounts_for_the_output():
    cleaner = thresh.Thresh(lang="any")
    for name, _, data in CASES:
        text = data.decode("utf-8")
        report = cleaner.clean_report(text)
        spans = [b["span"] for b in report["blocks"]]
        assert spans == sorted(spans), name
        kept = [b for b in report["blocks"] if b["decision"] == "keep"]
        for block in kept:
            first_line = text[slice(*block["span"])].splitlines()[0].rstrip()
            assert first_line in report["text"], (name, first_line)
        if not any(b["decision"] != "drop" for b in report["blocks"]):
            assert report["text"] == "", name


def test_bad_rules_raise_rule_error_with_the_cli_text(thresh_bin, tmp_path):
    (tmp_path / "broken.toml").write_text(
        'id = "broken"\ndescription = "d"\nexplanation = "e"\n\n'
        '[match]\nkind = "regex"\npatterns = ["(unclosed"]\n\n'
        '[action]\nkind = "drop-block"\n\n[tests]\ndrop = ["x"]\nkeep = ["y"]\n'
    )
    with pytest.raises(thresh.RuleError) as caught:
        thresh.Thresh(rules=[tmp_path])
    assert isinstance(caught.value, ValueError)
    message = str(caught.value)
    assert "broken.toml:7:" in message, message
    done = run_cli(thresh_bin, ["--rules", str(tmp_path)], b"text\n", check=False)
    assert done.returncode == 78
    assert done.stderr.decode().strip() == message.strip()


def test_other_bad_arguments_are_value_errors():
    with pytest.raises(ValueError, match="unknown language code `xx`"):
        thresh.Thresh(lang=["en", "xx"])
    with pytest.raises(ValueError, match="no rule with id `nope`"):
        thresh.Thresh(disable=["nope"])
    with pytest.raises(ValueError, match="unknown encoding"):
        thresh.Thresh(encoding="no-such-encoding")
    with pytest.raises(ValueError):
        thresh.Thresh(rules=["/no/such/folder"])
    for call in [lambda t: t.clean(b"bytes"), lambda t: t.clean(None), lambda t: t.clean_bytes("str"),
                 lambda t: t.clean_batch("not a list"), lambda t: t.clean_batch([1, 2])]:
        with pytest.raises(TypeError):
            call(thresh.Thresh())


def test_bad_input_never_crashes():
    cleaner = thresh.Thresh(lang="any")
    rng = random.Random(3)
    blobs = [b"", b"\x00" * 100, b"\xff\xfe" + "text".encode("utf-16-le"), b"\xef\xbb\xbf", os.urandom(4096),
             bytes(rng.randrange(256) for _ in range(20000)), b"a" * 1_000_000, b"\n" * 100_000]
    for blob in blobs:
        assert isinstance(cleaner.clean_bytes(blob), str)
    texts = ["", "\ud800", "a\udfffb\n\nc", "\x00\x01\x02", "\u202e" * 1000, "。" * 50_000, "x\r\n" * 10_000]
    for text in texts:
        assert isinstance(cleaner.clean(text), str)
        assert isinstance(cleaner.clean_report(text)["blocks"], list)
    assert cleaner.clean_batch(texts) == [cleaner.clean(t) for t in texts]
    assert "\ufffd" in cleaner.clean("lone \ud800 surrogate, one replacement character\n")
    assert cleaner.clean("lone \ud800 surrogate\n").count("\ufffd") == 1


def test_defaults_and_introspection():
    cleaner = thresh.Thresh()
    assert cleaner.lang == ["en"]
    assert thresh.Thresh(lang="any").lang == ["any"]
    assert thresh.Thresh(lang="en, de").lang == ["en", "de"]
    assert "copyright-line" in cleaner.rule_ids or len(cleaner.rule_ids) > 20
    assert thresh.Thresh(default_rules=False).rule_ids == []
    fewer = thresh.Thresh(disable=[cleaner.rule_ids[0]])
    assert len(fewer.rule_ids) == len(cleaner.rule_ids) - 1
    assert thresh.__version__


def test_language_tags_and_languages_the_detector_does_not_know():
    assert thresh.Thresh(lang="pt-BR, NO").lang == ["pt", "nb"]
    assert thresh.Thresh(lang="en").undetectable_languages == []
    with pytest.warns(UserWarning, match="does not know"):
        icelandic = thresh.Thresh(lang=["en", "is"])
    assert icelandic.undetectable_languages == ["is"]
    assert icelandic.lang == ["any"]
    german = "Der Stadtrat hat am Dienstag nach einer langen Debatte den Haushalt für das kommende Jahr beschlossen."
    assert "Stadtrat" in icelandic.clean(german)
    with pytest.raises(ValueError):
        thresh.Thresh(lang="eng")


# White space as thresh reads it at a line's ends: Python's (`\s` matches
# what `str.isspace` does), and the zero-width space, non-joiner, joiner,
# word joiner and byte-order mark.
INVISIBLE_ENDS = re.compile(r"^[\s\u200b\u200c\u200d\u2060\ufeff]+|[\s\u200b\u200c\u200d\u2060\ufeff]+$")


def trimmed(line):
    """`line` without white space, as thresh reads it, at either end."""
    return INVISIBLE_ENDS.sub("", line)


def test_dolma_attributes_remove_what_clean_removes():
    """Dolma's span replacement of the boilerplate spans leaves the clean text's lines."""
    cleaner = thresh.Thresh(lang="any")
    for name, _, data in CASES:
        text = data.decode("utf-8")
        attributes = thresh.dolma_attributes(cleaner.clean_report(text))
        assert set(attributes) == {"thresh__thresh__boilerplate", "thresh__thresh__block"}
        replaced, at = [], 0
        for start, end, score in sorted(attributes["thresh__thresh__boilerplate"]):
            assert score == 1.0
            replaced.append(text[at:start])
            at = end
        replaced.append(text[at:])
        # What lies between blocks is left: white space, which for thresh
        # includes the zero-width characters a page may put on a line of
        # their own (a toolbar's separators).
        lines = [trimmed(line) for line in "".join(replaced).split("\n") if trimmed(line)]
        want = [trimmed(line) for line in cleaner.clean(text).split("\n") if trimmed(line)]
        assert lines == want, name
        blocks = attributes["thresh__thresh__block"]
        assert [b[:2] for b in blocks] == [list(b["span"]) for b in cleaner.clean_report(text)["blocks"]]


def test_pickles_as_its_arguments():
    """A cleaner built on a driver can be shipped to worker processes."""
    import pickle

    rules = REPO / "tests" / "fixtures" / "extra-rules"
    original = thresh.Thresh(lang=["en", "de"], disable=["copyright-line"], rules=[rules])
    copy = pickle.loads(pickle.dumps(original))
    assert copy.lang == ["en", "de"]
    assert copy.rule_ids == original.rule_ids
    text = "Ein Titel\n\nStocks rose on Tuesday as investors bet that rates would fall.\n\n© 2025 Example News\n"
    assert copy.clean(text) == original.clean(text)
    assert "© 2025" in copy.clean(text), "the disabled rule stays disabled"


def test_used_from_worker_processes():
    import multiprocessing

    cleaner = thresh.Thresh()
    texts = [data.decode("utf-8") for _, _, data in CASES]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        got = pool.map(cleaner.clean, texts)
    assert got == [cleaner.clean(t) for t in texts]
