#!/usr/bin/env python3
"""pymarc reading the same ISO 2709 file as `marc_bench parse`: records per second."""

import sys
import time

import pymarc


def main(path):
    start = time.perf_counter()
    records = 0
    with open(path, "rb") as f:
        for record in pymarc.MARCReader(f, to_unicode=True, force_utf8=True):
            if record is not None:
                records += 1
    secs = time.perf_counter() - start
    print(f"pymarc: {records} records in {secs:.3f} s, {records / secs:.0f} records/s")


if __name__ == "__main__":
    main(sys.argv[1])
