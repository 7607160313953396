# SPDX-License-Identifier: GPL-2.0-only
"""product-compare.py A.json B.json...: the --dump-product models of the same
product read in different ways, compared on what the product checks and the
compatibility runs use (not where each fact was found); prints one line per
module of the first and whether all agree. check-kbuild.py imports project()."""
import json
import sys


def model(path):
    return project(json.load(open(path)))


def project(modules):
    """One line per module of a parsed --dump-product output."""
    out = []
    for m in modules:
        states = []
        for s in m["states"]:
            flags = [f for f, v in (("block_disable", s["block_disable"]),
                                    ("is_shadow", s["is_shadow"])) if v == 2]
            cbs = [c["function"] if c["present"] else "-" for c in s["callbacks"]]
            states.append("%s:%s:%s" % (s["id"]["value"], ",".join(flags),
                                        ",".join(cbs)))
        out.append("%s release=%d replace=%s states=%s" % (
            m["name"], m["release"], m["replace"], " ".join(states)))
    return out


def main(paths):
    models = [model(p) for p in paths]
    for line in models[0]:
        print(line)
    if all(m == models[0] for m in models):
        print("sources, facts and binary agree")
        return 0
    for p, m in zip(paths, models):
        print(p, m)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
