#!/usr/bin/env python3
"""Validate a SARIF log against the official SARIF 2.1.0 JSON schema.

Usage: validate_sarif.py FILE.sarif [SCHEMA.json]

The schema defaults to <repo>/../shared/schemas/sarif-schema-2.1.0.json, where <repo> is two
levels above this script (Tests/scripts/validate_sarif.py). Exit status: 0 valid, 1 invalid,
2 usage error or a missing/unreadable file or schema.
"""
import json
import os
import sys


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        import jsonschema
    except ImportError:
        print("validate_sarif.py: the jsonschema package is not installed", file=sys.stderr)
        return 2

    repo = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    schema_path = argv[2] if len(argv) == 3 else os.path.join(repo, "..", "shared", "schemas", "sarif-schema-2.1.0.json")
    try:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
    except (OSError, ValueError) as e:
        print(f"validate_sarif.py: cannot read the schema {schema_path}: {e}", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            log = json.load(f)
    except (OSError, ValueError) as e:
        print(f"validate_sarif.py: cannot read {argv[1]} as JSON: {e}", file=sys.stderr)
        return 1

    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    # Formats are checked where jsonschema can check them (date-time, regex, …; "uri" only
    # when an RFC 3987 package is installed).
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    if errors:
        for error in errors:
            path = "/".join(str(p) for p in error.absolute_path) or "(root)"
            print(f"{argv[1]}: {path}: {error.message}", file=sys.stderr)
        print(f"{argv[1]}: {len(errors)} schema error(s)", file=sys.stderr)
        return 1
    print(f"{argv[1]}: valid SARIF 2.1.0")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
