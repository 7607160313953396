# SPDX-License-Identifier: GPL-2.0-only
"""Checks the files of klp-lint --store-check-profile=<dir> (check-profile.test):
one per module, each with the module's files and, for every check and
family, the wall, user and system time of both phases; a check's own
extractor costs time, a check without one has no extract time at all."""
import glob
import json
import os
import re
import sys

d = sys.argv[1]
files = sorted(glob.glob(os.path.join(d, "*.json")))
docs = [json.load(open(f)) for f in files]
modules = sorted(doc["module"] for doc in docs)
assert modules == ["alpha", "bravo"], modules
for f, doc in zip(files, docs):
    # <timestamp>-<module>.json, the timestamp the one in the file
    name = os.path.basename(f)
    assert name == "%s-%s.json" % (doc["timestamp"], doc["module"]), name
    assert re.fullmatch(r"\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d\.\d{6}", doc["timestamp"]), doc["timestamp"]
    want = {"alpha": ["a.c", "b.c"], "bravo": ["c.c"]}[doc["module"]]
    assert sorted(os.path.basename(x) for x in doc["files"]) == want, doc["files"]
    prof = doc["profile"]
    names = set()
    for key, value in prof.items():
        m = re.fullmatch(r"time\.klp-lint\.([\w:-]+)\.(extract|judge)\.(wall|user|sys)", key)
        assert m, key
        assert isinstance(value, (int, float)) and value >= 0, (key, value)
        names.add(m.group(1))
    for n in names:
        for phase in ("extract", "judge"):
            for t in ("wall", "user", "sys"):
                assert "time.klp-lint.%s.%s.%s" % (n, phase, t) in prof, (n, phase, t)
    families = {"facts:states", "facts:shadow", "facts:object-callbacks",
                "facts:call-graph", "facts:lifecycle"}
    assert families <= names, names
    for fam in families:
        assert prof["time.klp-lint.%s.extract.wall" % fam] > 0, fam
        assert prof["time.klp-lint.%s.judge.wall" % fam] == 0, fam
    # state-data-field has an extractor of its own, state-duplicate-id none.
    assert prof["time.klp-lint.state-data-field.extract.wall"] > 0
    assert prof["time.klp-lint.state-duplicate-id.extract.wall"] == 0
    assert prof["time.klp-lint.state-duplicate-id.judge.wall"] > 0
    # Module-scope checks are judged once the module is complete.
    assert prof["time.klp-lint.shadow-id-without-state.judge.wall"] > 0
print("%d profiles ok" % len(docs))
