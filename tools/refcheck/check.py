"""Reads Shelfmark's RIS and BibTeX back with rispy and bibtexparser 2 and checks that
every field comes back as expected.

usage: python3 check.py DIR

DIR holds, for each book, NAME.ris, NAME.bib and NAME.expected.json, written by the
biblio test `refcheck::rispy_and_bibtexparser_read_back_every_field`. The expected values
are computed from the book model, not from our writers. Prints one line per mismatch and
a closing "N passed, M failed" line; exits 1 if anything failed.
"""
import json
import pathlib
import sys

import bibtexparser
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware


def check_ris(text, expected, name):
    records = rispy.loads(text)
    problems = []
    if len(records) != len(expected):
        return [f"{name}.ris: {len(records)} records, expected {len(expected)}"]
    for i, (got, want) in enumerate(zip(records, expected)):
        for key, value in want.items():
            if got.get(key) != value:
                problems.append(f"{name}.ris record {i + 1} {key}: got {got.get(key)!r}, expected {value!r}")
    return problems


def check_bib(text, expected, name):
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    problems = [f"{name}.bib: {b}" for b in library.failed_blocks]
    entries = library.entries
    if len(entries) != len(expected):
        return problems + [f"{name}.bib: {len(entries)} entries, expected {len(expected)}"]
    for got, want in zip(entries, expected):
        if got.entry_type != want["type"] or got.key != want["key"]:
            problems.append(f"{name}.bib {got.key}: @{got.entry_type}{{{got.key}}}, expected @{want['type']}{{{want['key']}}}")
        # pylatexenc decodes \textasciicircum{} (LaTeX's caret) as U+02C6, the modifier
        # letter, where LaTeX prints "^".
        fields = {f.key: f.value.replace("\u02c6", "^") for f in got.fields}
        for key, value in want["fields"].items():
            if fields.get(key) != value:
                problems.append(f"{name}.bib {got.key} {key}: got {fields.get(key)!r}, expected {value!r}")
        extra = set(fields) - set(want["fields"])
        if extra:
            problems.append(f"{name}.bib {got.key}: unexpected fields {sorted(extra)}")
    return problems


def main():
    folder = pathlib.Path(sys.argv[1])
    passed = failed = 0
    for expected_path in sorted(folder.glob("*.expected.json")):
        name = expected_path.name[: -len(".expected.json")]
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        for check, ext in ((check_ris, "ris"), (check_bib, "bib")):
            text = (folder / f"{name}.{ext}").read_text(encoding="utf-8")
            problems = check(text, expected[ext], name)
            for p in problems:
                print(p)
            if problems:
                failed += 1
            else:
                passed += 1
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


main()
