"""Reads Shelfmark pages as a crawler does: extruct pulls out the JSON-LD (and any
microdata, RDFa, OpenGraph or Dublin Core) of each URL given. Prints one JSON object
mapping each URL to what extruct found."""

import json
import sys
import urllib.request

import extruct


def main(urls):
    out = {}
    for url in urls:
        with urllib.request.urlopen(url) as response:
            html = response.read().decode("utf-8")
        out[url] = extruct.extract(
            html,
            base_url=url,
            syntaxes=["json-ld", "opengraph", "dublincore"],
            uniform=True,
        )
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
