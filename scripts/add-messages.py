#!/usr/bin/env python3
"""Adds messages to the four catalogues at once, keeping key order stable.

Usage: flock /tmp/jibek-messages.lock python3 scripts/add-messages.py new.json
new.json: {"key": {"kk": "...", "ru": "...", "zh": "...", "en": "..."}, ...}
Refuses a key that already exists with a different text unless --replace is given.
"""
import json
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent / "src" / "i18n" / "locales"
args = [a for a in sys.argv[1:] if not a.startswith("--")]
replace = "--replace" in sys.argv
new = json.loads(Path(args[0]).read_text(encoding="utf-8"))
for lang in ("kk", "ru", "zh", "en"):
    path = root / f"{lang}.json"
    catalog = json.loads(path.read_text(encoding="utf-8"))
    for key, texts in new.items():
        if lang not in texts:
            sys.exit(f"{key}: no {lang} text")
        if key in catalog and catalog[key] != texts[lang] and not replace:
            sys.exit(f"{key}: already exists in {lang}.json with another text (use --replace)")
        catalog[key] = texts[lang]
    path.write_text(json.dumps(catalog, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"added {len(new)} messages")
