#!/usr/bin/env python3
"""Independent readers check what Shelfmark writes.

Run by crates/shelfmark/tests/peers.rs. Each command prints one line of JSON (or the
checker's verdict) on standard output; a failure to read is an exception and a non-zero
exit status.

    peers.py marc FILE.mrc       records pymarc reads from ISO 2709
    peers.py marcxml FILE.xml    records pymarc reads from MARCXML
    peers.py xsd-marcxml FILE    "VALID" or the first error against MARC21slim.xsd
    peers.py xsd-dc FILE         "VALID" or the first error against oai_dc.xsd
    peers.py available           "yes" when pymarc, xmlschema and onixcheck import
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMAS = os.path.join(HERE, "schemas")


def record_json(record):
    fields = []
    for f in record.fields:
        if f.is_control_field():
            fields.append([f.tag, f.data])
        else:
            subs = [[s.code, s.value] for s in f.subfields]
            fields.append([f.tag, f.indicator1, f.indicator2, subs])
    return {"leader": str(record.leader), "fields": fields}


def main(argv):
    command = argv[1]
    if command == "available":
        import onixcheck  # noqa: F401
        import pymarc  # noqa: F401
        import xmlschema  # noqa: F401

        print("yes")
        return
    path = argv[2]
    if command == "marc":
        import pymarc

        with open(path, "rb") as f:
            reader = pymarc.MARCReader(f, to_unicode=True, force_utf8=True)
            records = []
            for r in reader:
                if r is None:
                    raise SystemExit(f"pymarc could not read a record: {reader.current_exception}")
                records.append(record_json(r))
        print(json.dumps(records, ensure_ascii=False))
    elif command == "marcxml":
        import pymarc

        records = [record_json(r) for r in pymarc.parse_xml_to_array(path)]
        print(json.dumps(records, ensure_ascii=False))
    elif command in ("xsd-marcxml", "xsd-dc"):
        import xmlschema

        if command == "xsd-marcxml":
            schema = xmlschema.XMLSchema(os.path.join(SCHEMAS, "MARC21slim.xsd"))
        else:
            schema = xmlschema.XMLSchema(
                os.path.join(SCHEMAS, "oai_dc.xsd"),
                locations={"http://www.w3.org/XML/1998/namespace": os.path.join(SCHEMAS, "xml.xsd")},
            )
        errors = list(schema.iter_errors(path))
        print("VALID" if not errors else f"INVALID {errors[0]}")
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv)
