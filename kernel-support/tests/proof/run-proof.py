#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Proof of findings: every finding of the checks listed here is a harm.

Every test-corpus case of the checks in CHECKS (the headline checks,
callbacks-per-object-unpaired and the catalogue's checks with an effect at
run time) is built as a livepatch module and run through one battery:
generation C cases in
klp-sim, generation A cases (RUN line with %api-a) built with the generation
A headers in klp-sim-a, the legacy reference core (docs/kernel-support.md,
"Legacy mode"):

    enable          load P (its init enables the patch); run the case's
                    "PROOF: call" functions (the patched code)
    disable         disable P; unload P; list the shadow variables
    re-enable       load P again; run the PROOF calls again
    replace         load a replace patch without P's states (lp2_r_none, or
                    proof_replace.c keeping the block_disable states the
                    case names with "PROOF: replacement keeps"); unload P
                    (generation A: a_lp2_r_none, a replace patch without
                    callbacks)
    remove          disable and unload the replacement; the final leak
                    report lists what is still live

Generation A adds one command to the disable: after "unload P", "leaks"
lists the objects P's callbacks set up and nothing tore down.

klp-lint runs on the case with the arguments of its first RUN line.  A case
that klp-lint flags for the case's check must show that check's harm in the
transcript, and a case it does not flag must show none:

    callbacks-per-object        C: "never called: per-object callback
                                (P: ...)"; A: "leak: object O set up by P
                                ... never torn down" in the final report
                                (the replace ran none of P's unpatch
                                callbacks, LEG-4), for the roles of O's
                                callbacks that ran
    callbacks-per-object-unpaired
                                A: "leak: object O set up by P ... never
                                torn down" right after P's disable (LEG-10)
    shadow-id-without-state     shadow variables allocated by P still live
                                after P's patch was disabled, or (C only) at
                                the end when no patch is left; under A what
                                the replace leaves is callbacks-per-object's
                                harm, not this check's
    state-missing-disable-callbacks
                                a state whose pre_patch or post_patch ran,
                                removed by P's disable or dropped by the
                                replace without a pre_unpatch or
                                post_unpatch of P for it (states the
                                replacement keeps are handed over, not
                                removed)

    callbacks-signature         the core calling a slot of the wrong type:
                                the enable failing right after P's
                                pre_patch ran (a void function in the int
                                slot; A: "pre-patch callback failed"), the
                                patched code's allocation failing in a
                                constructor that is none
    callbacks-pre-patch-no-rollback
                                a failed enable in the pre_patch of state
                                <id>, then a shadow variable of P live, the
                                module's memory leaked, or a "PROOF: knob"
                                changed
    callbacks-reenter-core      "WARNING: possible recursive locking
                                detected: klp_mutex"
    callbacks-module-local-init a "PROOF: show" file showing another value
                                after a copy of the module took the states
                                over (its callbacks did not run)
    patch-array-unterminated    AddressSanitizer's report of the core's
                                walk past objs[] (klp_enable_patch) or
                                funcs[] (klp_init_patch_early); the run
                                stops there
    patch-blocking-tail-call    a livepatch of a function a task of the
                                module sleeps in completing at once (its
                                own battery: the module is the target,
                                built with sibling calls)
    patch-klp-build-states      nothing can show: klp-build's generated
                                patch is not built; every finding is
                                "unshown"
    state-array-unterminated    AddressSanitizer reports the read past the
                                array (keyed by the global it names)
    state-data-field, state-version-field
                                C: the case does not build against the
                                final headers, the member is gone
    state-duplicate-id          one callback of P for one id runs twice in
                                one enable or disable
    state-get-prev-state-context
                                klp_get_prev_state()'s WARNING (once per
                                klp-sim run: WARN_ON_ONCE)
    state-id-zero               shadow variables allocated by P still live
                                after P's disable: the walk never reached
                                their states
    state-internal-field-set    the failed enable ("PROOF: enable fails")
                                runs post_unpatch of P for an id whose
                                pre_patch never ran

A source of kpatch-build or klp-build (it includes kpatch-macros.h or
linux/livepatch_helpers.h and defines no struct klp_patch) gets the patch
those tools write: one vmlinux object with a placeholder function, no
states, not replace for kpatch-build and replace for klp-build (its init.c);
under generation A the object's per-object callbacks are the case's
KPATCH_*_CALLBACK records (kpatch_<role>_data.fn) and KLP_*_CALLBACK
pointers (__klp_<role>_callback_<obj>), as create-diff-object and objtool's
"klp diff" copy them, so they run in klp-sim-a like any per-object callback.
Generation C has no per-object callbacks: klp-sim reports the macros'
sections "never called", which is callbacks-per-object's harm under C (the
member does not exist).

The same holds per id (per role for the callbacks): every id with harm is
flagged, and every flagged id shows harm unless the case says why it cannot
("PROOF: unshown <id>: <reason>"); the ids of callbacks-per-object-unpaired
are objects (vmlinux, a module; kpatch or klp for the macros' object).
Cases of generation B (RUN line with %api-b) have no reference core: they
are skipped when they do not compile against the generation C headers (with
-Werror), and run in klp-sim when they do. A generation A or C case that
does not build as a module is an error.

Annotations, in comments of the case file (lit and -verify ignore them):

    // PROOF: call <function>(<arg>[, <arg>])
                        run <function> of the module after each enable,
                        with klp-sim call arguments (a number, &sym, *sym)
    // PROOF: replacement keeps <id>[, <id>...]
    // PROOF: unshown <id>: <reason>
    // PROOF: unflagged <id>: <reason>
                        harm of <id> that klp-lint leaves unflagged by a
                        convention of the catalogue (a module without a
                        struct klp_patch is not judged); the harm must
                        show, and the table says why it is not flagged
    // PROOF: enable fails  (the case's own enable is refused, and that is
                    the scenario: the battery's other phases still run)
    // PROOF: computed '<id spelling>' = <id>[, <id>...]   (ids klp-lint
                    reports as computed at run time, and the values they
                    take when the case runs)
    // PROOF: knob <n>  print knob n before the first enable and after it
    // PROOF: blocked in <function>
                    (patch-blocking-tail-call) the module, built with
                    sibling calls and loaded as a target, has a task asleep
                    in <function>; the battery patches each such function
                    (proof_blocker.c) and sees whether the transition waits
    // PROOF: show <variable> in <file>
                    (callbacks-module-local-init) cat <file> after the
                    enable, and after a copy of the module (built as
                    <module>_copy) took its states over

The generated wrapper of a case #includes the file that defines its struct
klp_patch (or the generated one's source) and adds what a module needs and a
lint input may lack: a
module_init() that enables the patch, a module_exit(), MODULE_LICENSE,
MODULE_INFO(livepatch, "Y"), a placeholder new_func for klp_func entries
without one (set before the module's init runs), and references that keep
the PROOF functions in the object.

Finally docs/checks/<check>.trace, the harm trace klp-lint --explain prints,
must equal the trimmed transcript of the check's canonical case
(--update-traces rewrites them).
"""
import argparse
import glob
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

# check, corpus group, case prefix, canonical case for docs/checks/<check>.trace
CHECKS = [
    ("callbacks-per-object", "callbacks", "per-object",
     "per-object-klp-macro-c.c"),
    ("callbacks-per-object-unpaired", "callbacks", "per-object-unpaired",
     "per-object-unpaired.c"),
    ("shadow-alloc-unchecked", "shadow", "alloc-unchecked",
     "alloc-unchecked.c"),
    ("shadow-api-in-ctor-dtor", "shadow", "api-in-ctor-dtor",
     "api-in-ctor-dtor.c"),
    ("shadow-ctor-dtor-sleeps", "shadow", "ctor-dtor-sleeps",
     "ctor-dtor-sleeps.c"),
    ("shadow-free-in-state-callback", "shadow", "free-in-state-callback",
     "free-in-state-callback.c"),
    ("shadow-id-without-state", "shadow", "id-without-state",
     "id-without-state.c"),
    ("shadow-module-object-lifetime", "shadow", "module-object-lifetime",
     "module-object-lifetime.c"),
    ("state-missing-disable-callbacks", "state", "missing-disable-callbacks",
     "missing-disable-callbacks.c"),
    ("patch-array-unterminated", "patch", "array-unterminated",
     "array-unterminated.c"),
    ("callbacks-signature", "callbacks", "signature", "signature.c"),
    ("callbacks-pre-patch-no-rollback", "callbacks", "pre-patch-no-rollback",
     "pre-patch-no-rollback.c"),
    ("callbacks-reenter-core", "callbacks", "reenter-core", "reenter-core.c"),
    ("callbacks-module-local-init", "callbacks", "module-local-init",
     "module-local-init.c"),
    ("patch-blocking-tail-call", "patch", "blocking-tail-call",
     "blocking-tail-call.c"),
    # No trace: nothing of its harm shows in the battery (harm_klp_build).
    ("patch-klp-build-states", "patch", "klp-build-states", None),
    ("state-array-unterminated", "state", "array-unterminated",
     "array-unterminated.c"),
    ("state-data-field", "state", "data-field", "data-field.c"),
    ("state-duplicate-id", "state", "duplicate-id", "duplicate-id.c"),
    ("state-get-prev-state-context", "state", "get-prev-state-context",
     "get-prev-state-context.c"),
    ("state-id-zero", "state", "id-zero", "id-zero.c"),
    ("state-internal-field-set", "state", "internal-field-set",
     "internal-field-set.c"),
    ("state-version-field", "state", "version-field", "version-field.c"),
]

# Checks whose harm under generation C is that the case does not build: the
# member they flag is gone from the final struct klp_state. Their cases
# are built against the reference headers only (not the intermediate
# layouts their RUN lines name), and the compiler's error is the harm.
BUILD_HARM = {"state-data-field": "data", "state-version-field": "version"}

# The replacement of the battery when the case names no kept states: a
# replace patch without states (C), without callbacks (A).
DEFAULT_REPLACEMENT = "lp2_r_none"
DEFAULT_REPLACEMENT_A = "a_lp2_r_none"


def case_paths(root, group, prefix):
    """The cases of one check: <prefix>*.c, without those of a check whose
    prefix is longer (per-object-unpaired* are not per-object's)."""
    longer = [p for _, g, p, _ in CHECKS if g == group and p != prefix and p.startswith(prefix)]
    out = []
    for path in sorted(glob.glob(os.path.join(root, "test-corpus", group, prefix + "*.c"))):
        base = os.path.basename(path)
        if not any(base.startswith(p) for p in longer):
            out.append(path)
    return out


class ProofError(Exception):
    pass


# ---------------------------------------------------------------------------
# The case: RUN line, annotations, sources

class Case:
    def __init__(self, root, check, group, path):
        self.root = root
        self.check = check
        self.group = group
        self.path = path
        self.rel = os.path.relpath(path, os.path.join(root, "test-corpus"))
        self.text = open(path).read()
        stem = os.path.splitext(os.path.basename(path))[0]
        self.module = stem.replace("-", "_")
        self.calls = []         # (function, [args])
        self.keeps = []         # ids the replacement keeps
        self.unshown = {}       # id -> reason
        self.computed = {}      # spelling of a run-time id -> its values
        self.knobs = []         # knobs printed around the first enable
        self.shows = []         # (variable, file that shows it)
        self.blocked = []       # functions a task of the module sleeps in
        self.target = None      # (module file, name) loaded first
        self.enable_fails = False
        self.unflagged = {}     # id -> reason: harm not flagged by convention
        self.flagged = []
        self.flagged_keys = set()
        self.notes = []
        self.generated = None   # the tool that writes its klp_patch
        self._parse_annotations()
        self._parse_run_line()

    def _parse_annotations(self):
        for m in re.finditer(r"//\s*PROOF:\s*(.*)$", self.text, re.M):
            body = m.group(1).strip()
            c = re.fullmatch(r"call\s+([\w:]+)\s*\((.*)\)", body)
            t = re.fullmatch(r"target\s+(\S+\.so)\s+as\s+(\w+)", body)
            k = re.fullmatch(r"replacement keeps\s+(.*)", body)
            u = re.fullmatch(r"unshown\s+([\w-]+)\s*:\s*(.*)", body)
            nf = re.fullmatch(r"unflagged\s+([\w-]+)\s*:\s*(.*)", body)
            v = re.fullmatch(r"computed\s+'([^']*)'\s*=\s*(.*)", body)
            n = re.fullmatch(r"knob\s+(\d+)", body)
            w = re.fullmatch(r"show\s+(\w+)\s+in\s+(\S+)", body)
            bl = re.fullmatch(r"blocked in\s+(\w+)", body)
            if body == "enable fails":
                self.enable_fails = True
            elif nf:
                self.unflagged[parse_id(nf.group(1))] = nf.group(2).strip()
            elif t:
                self.target = (t.group(1), t.group(2))
            elif bl:
                self.blocked.append(bl.group(1))
            elif w:
                self.shows.append((w.group(1), w.group(2)))
            elif n:
                self.knobs.append(int(n.group(1)))
            elif v:
                self.computed[v.group(1)] = [parse_id(x) for x in v.group(2).split(",")]
            elif c:
                args = [a.strip() for a in c.group(2).split(",") if a.strip()]
                self.calls.append((c.group(1), args))
            elif k:
                self.keeps = [parse_id(x) for x in k.group(1).split(",")]
            elif u:
                self.unshown[parse_id(u.group(1))] = u.group(2).strip()
            else:
                raise ProofError("%s: bad PROOF annotation: %s" % (self.rel, body))

    def _parse_run_line(self):
        run = None
        for line in self.text.splitlines():
            m = re.search(r"RUN:\s*(.*)$", line)
            if m and "%klp-lint" in m.group(1):
                run = m.group(1)
                break
        if run is None:
            raise ProofError("%s: no RUN line runs %%klp-lint" % self.rel)
        self.run = run
        self.generation = ("A" if "%api-a" in run else
                           "B" if "%api-b" in run else "C")
        words = shlex.split(run.split("|")[0])
        words = [w for w in words if w not in ("2>&1",)]
        # "not %klp-lint ...": an error-level check's case, whose findings
        # make the exit status 1 (the FileCheck after the pipe says -verify
        # passed).
        if words and words[0] == "not":
            words = words[1:]
        if words[0] != "%klp-lint":
            raise ProofError("%s: RUN line does not start with %%klp-lint" % self.rel)
        corpus = os.path.join(self.root, "test-corpus")
        inc = os.path.join(corpus, "include")
        ks = os.path.join(self.root, "kernel-support", "include")
        api = {"%api-a": ["-I" + os.path.join(inc, "api-a"), "-I" + ks],
               "%api-b": ["-I" + os.path.join(inc, "api-b"), "-I" + ks],
               "%api-c": ["-I" + ks]}
        args = []
        skip = False
        words = words[1:]
        for i, w in enumerate(words):
            if skip:
                skip = False
                continue
            nxt = words[i + 1] if i + 1 < len(words) else ""
            # The lint test's own verification is not part of the analysis.
            if w == "-Xclang" and nxt.startswith("-verify"):
                skip = True
                continue
            if w == "--extra-arg=-Xclang" and nxt.startswith("--extra-arg=-verify"):
                skip = True
                continue
            if w in api:
                args += api[w]
                continue
            w = w.replace("%klp-include", inc)
            w = w.replace("%S", os.path.dirname(self.path))
            if w == "%s":
                w = self.path
            args.append(w)
        self.lint_args = args
        before = args[:args.index("--")] if "--" in args else args
        self.sources = [a for a in before if not a.startswith("-")]
        if not self.sources:
            raise ProofError("%s: no source file on the RUN line" % self.rel)


def parse_id(text):
    """A state or shadow id (decimal or 0x...), or a callback role."""
    try:
        return int(text.strip(), 0)
    except ValueError:
        return text.strip()


# ---------------------------------------------------------------------------
# klp-lint: what it flags

ID_PATTERNS = {
    # A named id ("id 'SV' (64)") or a bare number ("id 0").
    "shadow-id-without-state": re.compile(r"^shadow variable id (?:'[^']*' \()?(\d+)"),
    "state-missing-disable-callbacks": re.compile(r"^state '[^']*' \((\d+)\)"),
    "callbacks-per-object": re.compile(r"^per-object (\w+) callback"),
    # An object by name, or the object of a TU's KPATCH_*/KLP_* macros.
    "callbacks-per-object-unpaired": re.compile(
        r"^(?:object '([^']*)'|the object of this file's (KPATCH|KLP)_|object (\S+))"),
    # The state variable, or the lookup called.
    "patch-klp-build-states": re.compile(r"^(?:struct klp_state '([^']*)'|(klp_get_\w+)\(\))"),
    # The function whose frame a sibling call takes away.
    "patch-blocking-tail-call": re.compile(r"^'([^']*)' \("),
    # The variable the callback sets.
    "callbacks-module-local-init": re.compile(r"^the \w+ callback '[^']*' of state .* sets '([^']*)'"),
    # One lock: every finding is the same recursion on klp_mutex.
    "callbacks-reenter-core": re.compile(r"^klp_enable_patch\(\) is called from .* (klp_mutex) held"),
    # The state whose pre_patch fails.
    "callbacks-pre-patch-no-rollback": re.compile(r"^state (?:'[^']*' \()?(\d+)"),
    # The slot: a callback role, "constructor" or "destructor".
    "callbacks-signature": re.compile(
        r"^'[^']*' of type '[^']*' is (?:stored in the (\w+) slot|passed as the (\w+) of)"),
    # The walk that reads past the array: objs[] or funcs[].
    "patch-array-unterminated": re.compile(r"^(objs|funcs)\[\] '"),
    # A constructor or destructor, by name.
    "shadow-ctor-dtor-sleeps": re.compile(r"^shadow (?:constructor|destructor) '([^']*)'"),
    "shadow-api-in-ctor-dtor": re.compile(r"^shadow (?:constructor|destructor) '([^']*)'"),
    "shadow-free-in-state-callback": re.compile(
        r"^shadow variables of is_shadow state (?:'[^']*' \()?(\d+)"),
    "shadow-module-object-lifetime": re.compile(r"^shadow variable id (?:'[^']*' \()?(\d+)"),
    "shadow-alloc-unchecked": re.compile(r"^shadow variable id (?:'[^']*' \()?(\d+)"),
    "state-array-unterminated": re.compile(
        r"^(?:states\[\] array '([^']*)'|the states\[\] of '([^']*)')"),
    "state-duplicate-id": re.compile(r"^state id (?:'[^']*' \()?(\d+)"),
    "state-id-zero": re.compile(r"^(?:element \d+ of '[^']*' has|state of '[^']*' gets) "
                                r"(?:state )?id (?:'[^']*' \()?(\d+)"),
    # The state's id when the message names it, else the member.
    "state-internal-field-set": re.compile(
        r"^'[^']*' is \w+: .*?state (?:'[^']*' \()?(\d+)|^'([^']*)' is "),
}
# Checks whose findings are notes: the notes are what they flag.
NOTE_LEVEL = ("patch-blocking-tail-call",)
# Checks whose ids are names, not numbers.
NAMED_IDS = ("callbacks-per-object", "callbacks-per-object-unpaired",
             "patch-array-unterminated", "callbacks-signature",
             "callbacks-reenter-core", "callbacks-module-local-init",
             "patch-blocking-tail-call", "patch-klp-build-states",
             "shadow-ctor-dtor-sleeps", "shadow-api-in-ctor-dtor",
             "state-array-unterminated")
# Checks with one harm for all their findings: the key every finding gets.
ONE_KEY = {"state-data-field": "data", "state-version-field": "version",
           "state-get-prev-state-context": "outside-transition"}


def run_lint(cfg, case):
    env = dict(os.environ)
    env["KLP_LINT_PCH_CACHE"] = os.path.join(cfg["work"], "pch-cache")
    env.pop("TERM", None)
    cmd = [cfg["klp_lint"], "--format=json"] + case.lint_args
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    try:
        report = json.loads(r.stdout)
    except json.JSONDecodeError:
        raise ProofError("%s: klp-lint gave no JSON report (exit %d):\n%s"
                         % (case.rel, r.returncode, r.stderr))
    flagged, notes = [], []
    for f in report.get("findings", []):
        if f["check"] != case.check:
            continue
        pattern = ID_PATTERNS.get(case.check)
        m = ((pattern.match(f["message"]) if pattern else None) or
             re.match(r"^\w+ '[^']*' \((\d+)\)", f["message"]))
        key = next((g for g in m.groups() if g), "?") if m else "?"
        if case.check in ONE_KEY:
            m, key = None, ONE_KEY[case.check]
        if case.check == "callbacks-per-object" and f["message"].startswith("per-object callbacks"):
            key = "callbacks"  # a whole struct klp_callbacks, no role
        if case.check == "callbacks-per-object-unpaired" and key in ("KPATCH", "KLP"):
            key = key.lower()
        if case.check not in NAMED_IDS and m and key.isdigit():
            key = int(key)
        keys = [key]
        rt = re.match(r"^[\w ]*?'([^']*)' \(computed at run time\)", f["message"])
        if rt and rt.group(1) in case.computed:
            keys = case.computed[rt.group(1)]
        where = "%s:%d" % (os.path.basename(f["file"]), f["line"])
        for key in keys:
            if f["severity"] == "note" and case.check not in NOTE_LEVEL:
                notes.append((key, where, f["message"]))
            else:
                flagged.append((key, where, f["message"]))
    return flagged, notes


# ---------------------------------------------------------------------------
# Building the module

def c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


PATCH_RE = re.compile(r"\bstruct\s+klp_patch\s+(\w+)\s*=")


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def included_files(path, seen=None):
    """The file and the project files it #includes with quotes."""
    seen = seen if seen is not None else []
    if path in seen:
        return seen
    seen.append(path)
    for inc in re.findall(r'^\s*#\s*include\s+"([^"]+)"', open(path).read(), re.M):
        p = os.path.join(os.path.dirname(path), inc)
        if os.path.exists(p):
            included_files(p, seen)
    return seen


def module_flags(cfg, case):
    """Compile and link flags of the case's generation. A: the headers of
    include-a, then the corpus' api-a last, which only adds what the
    reference headers lack (kpatch-macros.h, livepatch_external.h)."""
    # A NULL dereference is the kernel's oops, which klp-sim reports ("BUG:
    # kernel NULL pointer dereference") and survives; UBSan's null check
    # would end the run before the fault (the module is compiled and linked
    # in one command: after the link flags, which name the sanitizers too).
    nonull = ["-fno-sanitize=null,alignment"]
    if case.generation == "A":
        api_a = os.path.join(case.root, "test-corpus", "include", "api-a")
        return cfg["cflags_a"] + ["-I" + api_a], cfg["ldflags_a"] + nonull
    return cfg["cflags"], cfg["ldflags"] + nonull


def mod_c(cfg, case):
    """The .mod.c: the module structure, and under A the version magic
    klp-sim-a accepts."""
    text = ("#include <linux/module.h>\n\n"
            "struct module __this_module = {\n"
            "\t.name = KBUILD_MODNAME,\n};\n")
    if case.generation == "A":
        text += "MODULE_INFO(vermagic, %s);\n" % c_string(cfg["vermagic_a"])
    return text


# kpatch's and klp-build's callback macros, by role.
CALLBACK_MACRO_RE = re.compile(
    r"\b(KPATCH|KLP)_(PRE|POST)_(PATCH|UNPATCH)_CALLBACK\s*\(")


def generator_of(text):
    """The tool that writes the struct klp_patch of a source without one:
    kpatch-build for a file that includes kpatch-macros.h, klp-build for one
    that includes linux/livepatch_helpers.h (docs/semantics.md#rules-generation-a
    ); None for anything else."""
    if re.search(r'#\s*include\s*[<"]kpatch-macros\.h[>"]', text):
        return "kpatch-build"
    if re.search(r'#\s*include\s*[<"]linux/livepatch_helpers\.h[>"]', text):
        return "klp-build"
    return None


def generated_patch(case, tool, text):
    """The struct klp_patch kpatch-build or klp-build writes for the case:
    one vmlinux object with a placeholder function (the battery calls the
    case's code directly), no states, and, under generation A, the object's
    per-object callbacks taken from the case's KPATCH_*_CALLBACK records
    (kpatch_<role>_data.fn) or KLP_*_CALLBACK pointers
    (__klp_<role>_callback_<obj>), as create-diff-object and objtool's "klp
    diff" copy them. kpatch-build's patch does not replace; klp-build's
    init.c sets replace. Generation C has no per-object callbacks: the
    records stay unused there (klp-sim reports them never called)."""
    roles = sorted({"%s_%s" % (m.group(2).lower(), m.group(3).lower())
                    for m in CALLBACK_MACRO_RE.finditer(text)})
    w = ["/*",
         " * The struct klp_patch %s writes for this source (it defines none):" % tool,
         " * a vmlinux object, no states, the per-object callbacks of its macros.",
         " */",
         "static int proof_placeholder(void)",
         "{",
         "\treturn 0;",
         "}",
         "",
         "static struct klp_func proof_generated_funcs[] = {",
         "\t{ .old_name = \"proof_generated_target\", .new_func = proof_placeholder },",
         "\t{}",
         "};",
         "",
         "static struct klp_object proof_generated_objs[] = {",
         "\t{ .name = NULL, .funcs = proof_generated_funcs },",
         "\t{}",
         "};",
         "",
         "static struct klp_patch proof_generated_patch = {",
         "\t.mod = THIS_MODULE,",
         "\t.objs = proof_generated_objs,",
         "\t.replace = %s," % ("true" if tool == "klp-build" else "false"),
         "};",
         ""]
    if case.generation == "A" and roles:
        w += ["/* The records hold the functions; copied before the init runs. */"]
        if tool == "klp-build":
            w += ["#define PROOF_KLP_CB3(role, obj) __klp_##role##_callback_##obj",
                  "#define PROOF_KLP_CB2(role, obj) PROOF_KLP_CB3(role, obj)",
                  "#define PROOF_KLP_CB(role) PROOF_KLP_CB2(role, __KLP_OBJNAME)"]
        w += ["__attribute__((constructor)) static void proof_generated_callbacks(void)",
              "{"]
        for role in roles:
            src = ("kpatch_%s_data.fn" % role if tool == "kpatch-build"
                   else "PROOF_KLP_CB(%s)" % role)
            w.append("\tproof_generated_objs[0].callbacks.%s = %s;" % (role, src))
        w += ["}", ""]
    if not re.search(r"\bmodule_init\s*\(", text):
        w += ["static int proof_init(void)",
              "{",
              "\treturn klp_enable_patch(&proof_generated_patch);",
              "}",
              "module_init(proof_init);",
              ""]
    w += ['MODULE_INFO(livepatch, "Y");']
    return w


def build_module(cfg, case, name=None):
    """Build <work>/<name>.so (default: the case's module); return the facts
    of the wrapper."""
    name = name or case.module
    work = os.path.join(cfg["work"], name)
    os.makedirs(work, exist_ok=True)
    patch_src, patch_var = None, None
    texts = {}
    for src in case.sources:
        for f in included_files(src):
            texts[f] = strip_comments(open(f).read())
        m = None
        for f in included_files(src):
            m = m or PATCH_RE.search(texts[f])
        if m and patch_src is None:
            patch_src, patch_var = src, m.group(1)
    alltext = "\n".join(texts.values())
    has_init = re.search(r"\bmodule_init\s*\(", alltext) is not None
    has_exit = re.search(r"\bmodule_exit\s*\(", alltext) is not None
    main = patch_src or case.sources[0]
    main_text = "\n".join(texts[f] for f in included_files(main))

    w = ["/* Generated by run-proof.py for %s; do not edit. */" % case.rel,
         "#include %s" % c_string(main),
         "#include <linux/livepatch.h>",
         "#include <linux/module.h>",
         ""]
    facts = []
    if patch_var:
        w += ["/* A replacement for klp_func entries a lint input leaves without one. */",
              "static int proof_placeholder(void)",
              "{",
              "\treturn 0;",
              "}",
              "",
              "/*",
              " * Stops at memory AddressSanitizer poisons: an array without its",
              " * terminator is the core's to walk past (patch-array-unterminated),",
              " * not this constructor's.",
              " */",
              "#ifdef __SANITIZE_ADDRESS__",
              "#include <sanitizer/asan_interface.h>",
              "#define proof_past_end(p) __asan_region_is_poisoned((void *)(p), sizeof(*(p)))",
              "#else",
              "#define proof_past_end(p) 0",
              "#endif",
              "",
              "__attribute__((constructor)) static void proof_fill_new_funcs(void)",
              "{",
              "\tfor (struct klp_object *obj = %s.objs; obj && !proof_past_end(obj) && (obj->name || obj->funcs); obj++)" % patch_var,
              "\t\tfor (struct klp_func *func = obj->funcs; func && !proof_past_end(func) && (func->old_name || func->new_func || func->old_sympos); func++)",
              "\t\t\tif (!func->new_func)",
              "\t\t\t\tfunc->new_func = proof_placeholder;",
              "}",
              ""]
        if re.search(r"\{\s*\.old_name\s*=\s*\"[^\"]*\"\s*\}|\{\s*\"\w+\"\s*,\s*NULL", alltext):
            facts.append("placeholder new_func")
        if not has_init:
            w += ["static int proof_init(void)",
                  "{",
                  "\treturn klp_enable_patch(&%s);" % patch_var,
                  "}",
                  "module_init(proof_init);",
                  ""]
            facts.append("module_init added")
        w += ['MODULE_INFO(livepatch, "Y");']
    elif generator_of(alltext):
        tool = generator_of(alltext)
        case.generated = tool
        w += generated_patch(case, tool, alltext)
        facts.append("no struct klp_patch: the one %s writes" % tool)
        if not has_init:
            facts.append("module_init added")
    else:
        facts.append("no struct klp_patch: a plain module")
    if not has_exit:
        w += ["static void proof_exit(void)", "{", "}", "module_exit(proof_exit);"]
    w += ['MODULE_LICENSE("GPL");', ""]
    kept = [fn for fn, _ in case.calls
            if ":" not in fn and re.search(r"\b%s\s*\(" % re.escape(fn), main_text)]
    if kept:
        w += ["/* The functions the battery calls stay in the object. */",
              "static void *const proof_called[] __used = {"]
        w += ["\t(void *)%s," % fn for fn in kept]
        w += ["};", ""]
    wrapper = os.path.join(work, "proof_wrapper.c")
    open(wrapper, "w").write("\n".join(w))
    modc = os.path.join(work, "proof.mod.c")
    open(modc, "w").write(mod_c(cfg, case))
    others = [s for s in case.sources if s != main]
    out = os.path.join(cfg["work"], name + ".so")
    cflags, ldflags = module_flags(cfg, case)
    if case.check == "patch-blocking-tail-call":
        # As a kernel without frame pointers builds it: sibling calls on
        # (module_flags() turn them off for klp-sim's allocation owners).
        cflags = cflags + ["-O2", "-foptimize-sibling-calls"]
    cmd = ([cfg["cc"]] + cflags + ["-w", "-DKBUILD_MODNAME=" + c_string(name),
           "-o", out, wrapper] + others + [modc] + ldflags)
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode:
        raise ProofError("%s: does not build as a module against generation %s:\n%s"
                         % (case.rel, "A" if case.generation == "A" else "C", r.stderr))
    return out, facts, patch_var is not None or generator_of(alltext) is not None


def build_replacement(cfg, case):
    if case.generation == "A":
        if case.keeps:
            raise ProofError("%s: 'PROOF: replacement keeps' needs states with "
                             "block_disable, which generation A does not have" % case.rel)
        return DEFAULT_REPLACEMENT_A
    if not case.keeps:
        return DEFAULT_REPLACEMENT
    name = case.module + "_r"
    out = os.path.join(cfg["work"], name + ".so")
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "proof_replace.c")
    modc = os.path.join(cfg["work"], case.module, "proof.mod.c")
    cmd = ([cfg["cc"]] + cfg["cflags"] + ["-w", "-DKBUILD_MODNAME=" + c_string(name),
           "-DPROOF_KEEP_IDS=" + ",".join("%#x" % i for i in case.keeps),
           "-o", out, src, modc] + cfg["ldflags"])
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode:
        raise ProofError("%s: the replacement does not build:\n%s" % (case.rel, r.stderr))
    return name


def build_blockers(cfg, case):
    """One livepatch per "PROOF: blocked in" function (proof_blocker.c)."""
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "proof_blocker.c")
    modc = os.path.join(cfg["work"], case.module, "proof.mod.c")
    cflags, ldflags = module_flags(cfg, case)
    for i, fn in enumerate(case.blocked):
        name = "%s_lp%d" % (case.module, i)
        cmd = ([cfg["cc"]] + cflags + ["-w", "-DKBUILD_MODNAME=" + c_string(name),
               "-DPROOF_TARGET=" + c_string(case.module),
               "-DPROOF_BLOCKER=" + c_string(fn),
               "-o", os.path.join(cfg["work"], name + ".so"), src, modc] + ldflags)
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode:
            raise ProofError("%s: the livepatch of %s does not build:\n%s"
                             % (case.rel, fn, r.stderr))


def compiles_against_c(cfg, case):
    """Whether a generation A/B case compiles, warning-free, against C."""
    ks = os.path.join(case.root, "kernel-support", "include")
    for src in case.sources:
        r = subprocess.run([cfg["cc"], "-std=gnu11", "-fsyntax-only", "-Werror",
                            "-I" + ks, src], capture_output=True, text=True)
        if r.returncode:
            # A hard error, else an incompatible type, else any warning
            # made an error.
            errors = [l for l in r.stderr.splitlines() if " error: " in l]
            errors.sort(key=lambda l: ("[-Werror" in l, "incompatible" not in l))
            return False, (errors[0] if errors else "").replace(case.root + "/", "")
    return True, ""


# ---------------------------------------------------------------------------
# The battery

def blocker_battery(case):
    """patch-blocking-tail-call: the case is the target; each function a
    task of it sleeps in is patched, and the transition either waits for
    the task or completes."""
    P = case.module
    cmds = ["# The proof battery of test-corpus/%s" % case.rel,
            "echo == load the target",
            "load %s.so" % P,
            "tasks"]
    for i, fn in enumerate(case.blocked):
        lp = "%s_lp%d" % (P, i)
        cmds += ["echo == patch %s" % fn,
                 "load %s.so" % lp,
                 "disable %s" % lp,
                 "unload %s" % lp]
    cmds += ["echo == remove the target", "unload %s" % P]
    return "\n".join(cmds) + "\n"


def battery(case, replacement):
    if case.blocked:
        return blocker_battery(case)
    P = case.module
    # A call of another module's function ("T:f") goes to that module.
    calls = ["call-void %s %s" % (fn if ":" in fn else "%s:%s" % (P, fn), " ".join(args))
             for fn, args in case.calls]
    if case.target:
        return target_battery(case, calls)
    knobs = ["knob %d" % n for n in case.knobs]
    cmds = ["# The proof battery of test-corpus/%s" % case.rel,
            "echo == enable"] + knobs + ["load %s.so" % P] + calls + knobs
    if calls:
        cmds.append("shadow")
    if case.shows:
        # A hand-over: a second module with the same states, whose callbacks
        # for them the core does not run (they are shared, DER-5; kept by a
        # replace, ST-2).
        files = sorted({f for _, f in case.shows})
        cmds += ["cat %s" % f for f in files]
        cmds += ["echo == hand over to a copy of the module",
                 "load %s_copy.so" % P] + ["cat %s" % f for f in files]
        cmds += ["disable %s_copy" % P, "unload %s_copy" % P]
    cmds += ["echo == disable",
             "disable %s" % P,
             "unload %s" % P,
             "shadow"]
    if case.generation == "A":
        # The object ledger: what P's callbacks set up and nothing undid.
        cmds.append("leaks")
    cmds += ["echo == re-enable",
             "load %s.so" % P] + calls
    cmds += ["echo == replace by a patch without the %s"
             % ("callbacks" if case.generation == "A" else "states"),
             "load %s.so" % replacement,
             "unload %s" % P,
             "shadow",
             "echo == remove the replacement",
             "disable %s" % replacement,
             "unload %s" % replacement]
    return "\n".join(cmds) + "\n"


# Checks whose harm is a memory error the sanitizers stop the run at.
SANITIZER_HARM = ("patch-array-unterminated",)


def sanitizer_report(stderr):
    """The AddressSanitizer report of a stopped run, without addresses:
    its kind, the access, the functions of the stack (innermost first) and
    what the address was next to."""
    lines = stderr.splitlines()
    out = []
    for i, l in enumerate(lines):
        m = re.match(r"==\d+==ERROR: AddressSanitizer: ([\w-]+)", l)
        if m:
            out.append("ERROR: AddressSanitizer: " + m.group(1))
            continue
        m = re.match(r"(READ|WRITE) of size (\d+)", l)
        if m and out:
            out.append("%s of size %s" % (m.group(1), m.group(2)))
            continue
        m = re.match(r"\s+#(\d+) 0x[0-9a-f]+ in (\S+)", l)
        if m and out and len([x for x in out if x.startswith("  in ")]) < 6 and \
                not any(x.startswith("located") for x in out):
            out.append("  in " + m.group(2))
            continue
        m = re.search(r"is located \d+ bytes (after|before|to the right of|to the left of)"
                      r" global variable '([^']+)'", l)
        if m and out:
            out.append("located %s global variable '%s'" % (m.group(1), m.group(2)))
    return out
def target_battery(case, calls):
    """DER-12: P patches the target module T; the PROOF calls run T's code
    (patched); T goes and comes back while P stays."""
    P = case.module
    T_file, T = case.target
    cmds = ["# The proof battery of test-corpus/%s (a target module)" % case.rel,
            "echo == enable with the target loaded",
            "load %s as %s" % (T_file, T),
            "load %s.so" % P] + calls + [
            "shadow",
            "echo == the target goes",
            "unload %s" % T,
            "shadow",
            "echo == the target comes back",
            "load %s as %s" % (T_file, T)] + calls + [
            "echo == disable",
            "disable %s" % P,
            "unload %s" % P,
            "shadow",
            "unload %s" % T]
    return "\n".join(cmds) + "\n"


def run_battery(cfg, case, replacement):
    script = os.path.join(cfg["work"], case.module + ".scenario")
    open(script, "w").write(battery(case, replacement))
    sim = cfg["sim_a"] if case.generation == "A" else cfg["sim"]
    env = dict(os.environ)
    symbolizer = shutil.which("llvm-symbolizer") or "/usr/lib/llvm-19/bin/llvm-symbolizer"
    if os.access(symbolizer, os.X_OK):
        env["ASAN_SYMBOLIZER_PATH"] = symbolizer
    r = subprocess.run([sim, "-L", cfg["work"], "-L", cfg["modules"], script],
                       capture_output=True, text=True, env=env)
    if r.returncode and "ERROR: AddressSanitizer" in r.stderr and \
            case.check not in SANITIZER_HARM:
        # The sanitizer stops klp-sim at the first bad access: that report
        # is the transcript's end (state-array-unterminated's harm).
        # Without what changes from run to run: pids, addresses, paths.
        # Nor the symbolizer's file:line of a frame, which any edit of the
        # core moves, nor the frames' numbers, which depend on inlining.
        asan = [re.sub(r"#\d+ (0x\.\.\. in \w+) \S+:\d+(?::\d+)?$", r"# \1",
                       re.sub(r"==\d+==", "==", re.sub(r" \(/[^)]*\)$", "", re.sub(
                           r"0x[0-9a-f]+", "0x...", l))).replace(case.root + "/", "").strip())
                for l in r.stderr.splitlines()
                if "ERROR: AddressSanitizer" in l or "to the right of" in l
                or re.match(r"\s*#\d+ .* in klp_", l)]
        return r.stdout + "% klp-sim stopped by AddressSanitizer\n" + "\n".join(asan) + "\n"
    if r.returncode:
        report = sanitizer_report(r.stderr)
        if report and case.check in SANITIZER_HARM:
            # The run stopped at the memory error: what it printed so far,
            # then the report as the last block.
            return r.stdout + "== sanitizer\n% report\n" + "\n".join(report) + "\n"
        raise ProofError("%s: klp-sim failed (exit %d):\n%s%s"
                         % (case.rel, r.returncode, r.stdout[-3000:], r.stderr[-3000:]))
    return r.stdout


class Block:
    def __init__(self, phase, command):
        self.phase = phase
        self.command = command
        self.lines = []

    @property
    def failed(self):
        return any(l.startswith("→ ") for l in self.lines)


def split_transcript(text):
    blocks, phase, cur = [], "", None
    for line in text.splitlines():
        if line.startswith("% "):
            cur = Block(phase, line[2:])
            blocks.append(cur)
        elif line.startswith("== "):
            phase = line[3:]
            cur = None
        elif cur is not None:
            cur.lines.append(line)
    return blocks


# ---------------------------------------------------------------------------
# Harm, per check: {id: [lines]}

# The harm key of evidence that names no single role (a section).
ANY_ROLE = "*"


OBJECT_LEAK = r"leak: object (\S+) set up by %s \((\w+)\) and never torn down$"


def object_roles(case, blocks):
    """Per object, the roles of P's per-object callbacks that ran (A)."""
    ran = {}
    for b in blocks:
        for l in b.lines:
            m = re.match(r"(pre_patch|post_patch|pre_unpatch|post_unpatch)\(%s,([^)]+)\)$"
                         % re.escape(case.module), l)
            if m:
                ran.setdefault(m.group(2), set()).add(m.group(1))
    return ran


def harm_callbacks(case, blocks, replacement):
    if case.generation == "A":
        return harm_callbacks_a(case, blocks, replacement)
    harm = {}
    for b in blocks:
        if b.command != "leaks":
            continue
        for l in b.lines:
            m = re.match(r"never called: per-object callback \(%s: (section|symbol) (\S+)\)$"
                         % re.escape(case.module), l)
            if not m:
                continue
            # Symbols name the role, and so do kpatch's sections
            # (.kpatch.callbacks.<role>); klp-build's one section holds all.
            role = re.match(r"(?:__(?:klp|kpatch)_|\.kpatch\.callbacks\.)"
                            r"(pre_patch|post_patch|pre_unpatch|post_unpatch)(?:_|$)",
                            m.group(2))
            key = role.group(1) if role else ANY_ROLE
            harm.setdefault(key, []).append(l)
    return harm


def harm_callbacks_a(case, blocks, replacement):
    """LEG-4/LEG-11: the replace ran none of P's unpatch callbacks, so an
    object P's callbacks set up is still set up when no patch is left (the
    final report). Every role of that object's callbacks that ran is
    shown. "never called" sections of the macros are no harm under A."""
    ran = object_roles(case, blocks)
    harm = {}
    final = [b for b in blocks if b.command == "leaks"][-1:]
    for b in final:
        for l in b.lines:
            m = re.match(OBJECT_LEAK % re.escape(case.module), l)
            if not m:
                continue
            for role in sorted(ran.get(m.group(1), ())):
                harm.setdefault(role, []).append(
                    "at the end, after the replace by %s: %s" % (replacement, l))
    return harm


def harm_unpaired(case, blocks, replacement):
    """LEG-10: right after P's disable, an object P's callbacks set up that
    nothing tore down (the ledger of the disable's "leaks")."""
    harm = {}
    # The object of a generated patch holds the TU's KPATCH_*/KLP_* callbacks,
    # which klp-lint names after the macros' family.
    macros = {"kpatch-build": "kpatch", "klp-build": "klp"}.get(case.generated)
    for b in blocks:
        if b.phase != "disable" or b.command != "leaks":
            continue
        for l in b.lines:
            m = re.match(OBJECT_LEAK % re.escape(case.module), l)
            if m:
                key = macros if macros and m.group(1) == "vmlinux" else m.group(1)
                harm.setdefault(key, []).append(
                    "after 'disable %s': %s" % (case.module, l))
    return harm


def harm_shadow(case, blocks, replacement):
    P = case.module
    harm = {}
    disabled = False
    for b in blocks:
        if b.phase == "disable" and b.command == "disable %s" % P:
            disabled = not b.failed
        if b.phase == "disable" and b.command == "shadow" and disabled:
            for l in b.lines:
                m = re.match(r"shadow\((.*),(\d+)\) allocated by (\S+)$", l)
                if m and m.group(3) == P:
                    harm.setdefault(int(m.group(2)), []).append(
                        "after 'disable %s': %s" % (P, l))
        if b.command.startswith("call-void %s:" % P) and b.phase == "re-enable":
            for l in b.lines:
                m = re.search(r"Duplicate shadow variable <.*, (\d+)>", l)
                if m:
                    harm.setdefault(int(m.group(1)), []).append(
                        "re-enabled: %s" % l)
        # Under A the final leaks are the replace's (LEG-4): a per-object
        # teardown never runs then, which callbacks-per-object reports.
        if b.command == "leaks" and case.generation != "A":
            for l in b.lines:
                m = re.match(r"leak: shadow\((.*),(\d+)\) allocated by (\S+)$", l)
                if m and m.group(3) == P:
                    harm.setdefault(int(m.group(2)), []).append(
                        "at the end: %s" % l)
    # A duplicate alone is no harm; it shows one that is there.
    return {k: v for k, v in harm.items()
            if any(not x.startswith("re-enabled") for x in v)}


def shadow_summary(case, blocks):
    """Which ids the PROOF calls allocated, and which the core freed when
    the patch was removed: what a clean case did without harm."""
    P = case.module
    allocated, freed = set(), set()
    for b in blocks:
        for l in b.lines:
            m = re.match(r"shadow_(alloc|free)\(.*,(\d+)\)$", l)
            if not m:
                continue
            if m.group(1) == "alloc" and b.command.startswith("call-void %s:" % P):
                allocated.add(int(m.group(2)))
            if m.group(1) == "free" and (b.command.startswith("disable ") or
                                         b.command.startswith("load ")):
                freed.add(int(m.group(2)))
    return allocated, freed


def harm_state(case, blocks, replacement):
    P = case.module
    setup = {}          # id -> set-up events since P's enable
    harm = {}
    ev = re.compile(r"^(pre_patch|post_patch|pre_unpatch|post_unpatch)\(%s,(\d+)\)$"
                    % re.escape(P))

    def events(b):
        for l in b.lines:
            m = ev.match(l)
            if m:
                yield m.group(1), int(m.group(2))

    def removal(b, what, ids):
        torn = {i for cb, i in events(b) if cb in ("pre_unpatch", "post_unpatch")}
        freed = {int(m.group(1)) for m in
                 (re.match(r"shadow_free\(.*,(\d+)\)$", l) for l in b.lines) if m}
        for i in ids:
            if i in setup and i not in torn:
                harm.setdefault(i, []).append(
                    "%s at enable; %s ran neither pre_unpatch nor post_unpatch of %s for it%s"
                    % (" ".join("%s(%s,%d)" % (cb, P, i) for cb in setup[i]), what, P,
                       " (only the core's free of its shadow variables)" if i in freed else ""))

    for b in blocks:
        if b.command == "load %s.so" % P:
            if b.failed:
                continue
            for cb, i in events(b):
                if cb in ("pre_patch", "post_patch"):
                    setup.setdefault(i, [])
                    if cb not in setup[i]:
                        setup[i].append(cb)
        elif b.command == "disable %s" % P and not b.failed:
            removal(b, "'disable %s'" % P, list(setup))
            setup = {}
        elif b.command == "load %s.so" % replacement and not b.failed and setup:
            removal(b, "the replace by %s" % replacement,
                    [i for i in setup if i not in case.keeps])
            setup = {}
        elif b.command == "leaks":
            for l in b.lines:
                m = re.match(r"leak: state (\d+) set up by %s " % re.escape(P), l)
                if m and int(m.group(1)) in harm:
                    harm[int(m.group(1))].append("at the end: " + l)
    return harm


def harm_array(case, blocks, replacement):
    """patch-array-unterminated: the sanitizer stopped the run where the
    core read past a global array of P. The key is the walk: "objs" for
    klp_enable_patch()'s own check of the static objects, which runs first,
    "funcs" for the walk of each object's functions in
    klp_init_patch_early() (by then objs[] has been walked to its end)."""
    harm = {}
    for b in blocks:
        if b.phase != "sanitizer":
            continue
        frames = [l.strip()[3:] for l in b.lines if l.startswith("  in ")]
        core = [f for f in frames if f.startswith("klp_")]
        if not b.lines or "global-buffer-overflow" not in b.lines[0] or not core:
            continue
        key = {"klp_enable_patch": "objs", "klp_init_patch_early": "funcs"}.get(core[0])
        if not key:
            continue
        where = [l for l in b.lines if l.startswith("located ")]
        harm.setdefault(key, []).append(
            "%s in %s()%s" % (b.lines[0], core[0], ", " + where[-1] if where else ""))
    return harm


def harm_signature(case, blocks, replacement):
    """callbacks-signature: what a slot of the wrong type did when the core
    called it. pre_patch (and the B name setup): the enable failed right
    after P's pre_patch callback ran, generation A's per-object one
    included ("pre-patch callback failed for object"); constructor: the
    patched code's allocation failed in the constructor ("Failed to
    construct shadow variable"). Other slots only read their arguments as
    other types, which the reference core does not notice (no kCFI)."""
    P = re.escape(case.module)
    harm = {}
    for b in blocks:
        ran = None
        for l in b.lines:
            if re.match(r"pre_patch\(%s,[^)]+\)$" % P, l):
                ran = l
            elif ran and (re.match(r"livepatch: failed to enable patch '%s'" % P, l) or
                          re.match(r"livepatch: pre-patch callback failed for object", l)):
                harm.setdefault("pre_patch", []).append("%s: %s, then %s" % (b.command, ran, l))
                ran = None
            if b.command.startswith("call-void %s:" % case.module) and \
                    "Failed to construct shadow variable" in l:
                harm.setdefault("constructor", []).append("%s: %s" % (b.command, l))
    return harm


def harm_rollback(case, blocks, replacement):
    """callbacks-pre-patch-no-rollback: an enable of P failed in the
    pre_patch of state <id> (the last pre_patch(P,id) before "failed to
    enable patch"), and what it did stayed done: a shadow variable P
    allocated still live right after, a module notifier it registered
    still on the chain when the failed insmod removes the module, memory
    of the module that is gone in the final report, or a "PROOF: knob"
    that kept another value than it had before the enable."""
    P = case.module
    harm = {}
    failed = None
    knob_before = {}
    for b in blocks:
        m = re.match(r"knob (\d+)$", b.command)
        if m:
            v = next((l for l in b.lines if l.startswith("knob[")), None)
            n = int(m.group(1))
            if n not in knob_before:
                knob_before[n] = v
            elif failed is not None and v != knob_before[n]:
                harm.setdefault(failed, []).append(
                    "after the failed enable: %s (before it: %s)" % (v, knob_before[n]))
        if b.command == "load %s.so" % P:
            last = None
            for l in b.lines:
                e = re.match(r"pre_patch\(%s,(\d+)\)$" % re.escape(P), l)
                if e:
                    last = int(e.group(1))
                if l == "livepatch: failed to enable patch '%s'" % P and last is not None:
                    failed = last
                # The failed insmod removes the module with what its
                # pre_patch registered still on the kernel's chain.
                if failed is not None and l == ("BUG: module %s was removed with a module "
                                                "notifier still registered" % P):
                    harm.setdefault(failed, []).append("at the failed enable: " + l)
            continue
        if failed is None:
            continue
        if b.command == "shadow":
            for l in b.lines:
                if re.match(r"shadow\(.*\) allocated by %s$" % re.escape(P), l):
                    harm.setdefault(failed, []).append("after the failed enable: " + l)
        if b.command == "leaks":
            for l in b.lines:
                if re.match(r"leak: shadow\(.*\) allocated by %s$" % re.escape(P), l) or \
                        re.match(r"leak: \d+ bytes .* allocated by a module that is gone$", l):
                    harm.setdefault(failed, []).append("at the end: " + l)
    return harm


def harm_reenter(case, blocks, replacement):
    """callbacks-reenter-core: klp_mutex taken again while P's callback ran
    under it, which the reference lock reports (the kernel would hang)."""
    harm = {}
    for b in blocks:
        for l in b.lines:
            if l == "WARNING: possible recursive locking detected: klp_mutex":
                harm.setdefault("klp_mutex", []).append("%s: %s" % (b.command, l))
    return harm


def harm_local_init(case, blocks, replacement):
    """callbacks-module-local-init: what a "PROOF: show" file showed after
    P's enable differs from what it shows once the copy of the module took
    the states over (its callbacks for them did not run, and its code, on
    top now, reads its own variable)."""
    harm = {}
    for var, f in case.shows:
        before = [b for b in blocks if b.phase == "enable" and b.command == "cat " + f]
        after = [b for b in blocks if b.phase.startswith("hand over") and
                 b.command == "cat " + f]
        if before and after and before[0].lines != after[0].lines:
            harm.setdefault(var, []).append(
                "%s after the enable: %s; after the hand-over: %s"
                % (f, " / ".join(before[0].lines), " / ".join(after[0].lines)))
    return harm


def harm_tail_call(case, blocks, replacement):
    """patch-blocking-tail-call: the livepatch of a function a task sleeps
    in completed its transition at once: the task's stack did not hold the
    function, whose sibling call left it."""
    harm = {}
    for i, fn in enumerate(case.blocked):
        lp = "%s_lp%d" % (case.module, i)
        for b in blocks:
            if b.command == "load %s.so" % lp and \
                    "livepatch: '%s': patching complete" % lp in b.lines:
                harm.setdefault(fn, []).append(
                    "load %s.so: patching complete while a task sleeps in %s" % (lp, fn))
    return harm


def harm_klp_build(case, blocks, replacement):
    """patch-klp-build-states: the harm needs the patch klp-build writes
    (scripts/livepatch/init.c, without states) and objtool's callbacks,
    which the battery does not generate: a klp-build source builds as a
    plain module here, so nothing can show, and every finding says why
    with "PROOF: unshown"."""
    return {}


def locked_reports(case, blocks, report):
    """{function: [lines]}: the reports matching \\p report that name one of
    P's shadow constructors or destructors as the code running under
    klp_shadow_lock (kernel-support's "in shadow constructor P:fn under
    klp_shadow_lock" line that follows them)."""
    harm = {}
    marker = re.compile(r"^in shadow (?:constructor|destructor) %s:(\w+) under klp_shadow_lock$"
                        % re.escape(case.module))
    for b in blocks:
        for prev, l in zip(b.lines, b.lines[1:]):
            m = marker.match(l)
            if m and re.match(report, prev):
                harm.setdefault(m.group(1), []).append(
                    "'%s' (%s): %s / %s" % (b.command, b.phase, prev, l))
    return harm


def harm_sleeps(case, blocks, replacement):
    """A sleeping primitive called while a constructor or destructor of P
    runs under klp_shadow_lock."""
    return locked_reports(case, blocks,
                          r"BUG: sleeping function called from invalid context at ")


def harm_api_in_callback(case, blocks, replacement):
    """klp_shadow_lock taken again while a constructor or destructor of P
    runs under it (a self-deadlock in the kernel)."""
    return locked_reports(case, blocks,
                          r"WARNING: possible recursive locking detected: klp_shadow_lock$")


def harm_free_in_callback(case, blocks, replacement):
    """P's pre_unpatch of state X freed X's variables before the unpatching
    transition started (tasks still run the patched code); or the core's
    free of P's state X found them gone, so X's shadow_dtor never ran (the
    leak report's "never called: shadow_dtor")."""
    P = case.module
    harm = {}
    for b in blocks:
        in_pre_unpatch = set()
        for l in b.lines:
            m = re.match(r"pre_unpatch\(%s,(\d+)\)$" % re.escape(P), l)
            if m:
                in_pre_unpatch.add(int(m.group(1)))
            elif re.match(r"livepatch: '[^']*': starting (un)?patching transition$", l):
                in_pre_unpatch = set()
            m = re.match(r"shadow_free\(.*,(\d+)\)$", l)
            if m and int(m.group(1)) in in_pre_unpatch:
                harm.setdefault(int(m.group(1)), []).append(
                    "'%s' (%s): freed by pre_unpatch(%s,%s) before the unpatching "
                    "transition started: %s" % (b.command, b.phase, P, m.group(1), l))
            m = re.match(r"never called: shadow_dtor \S+ of state (\d+) of '%s' " % re.escape(P), l)
            if m:
                harm.setdefault(int(m.group(1)), []).append("%s: %s" % (b.command, l))
    return harm


def harm_module_lifetime(case, blocks, replacement):
    """DER-12: after the target module went, shadow variables P attached to
    its objects are still live."""
    P = case.module
    T = case.target[1] if case.target else None
    harm = {}
    gone = False
    for b in blocks:
        if T and b.command == "unload %s" % T:
            gone = not b.failed
        elif T and b.command.startswith("load ") and b.command.endswith(" as %s" % T):
            gone = False
        elif b.command == "shadow" and gone:
            for l in b.lines:
                m = re.match(r"shadow\((%s[#:][^,]*),(\d+)\) allocated by %s$"
                             % (re.escape(T), re.escape(P)), l)
                if m:
                    harm.setdefault(int(m.group(2)), []).append(
                        "after 'unload %s': %s" % (T, l))
    return harm


def harm_alloc_unchecked(case, blocks, replacement):
    """A NULL result of klp_shadow_alloc()/get_or_alloc() (the duplicate
    warning or the failed constructor names its id) dereferenced: the
    command oopses."""
    harm = {}
    for b in blocks:
        null_ids = []
        for l in b.lines:
            m = re.search(r"(?:Duplicate shadow variable|Failed to construct shadow variable) <.*, (\d+)>", l)
            if m:
                null_ids.append(int(m.group(1)))
            if l.startswith("BUG: kernel NULL pointer dereference") and null_ids:
                harm.setdefault(null_ids[-1], []).append(
                    "'%s' (%s): %s" % (b.command, b.phase, l))
    return harm


def harm_unterminated(case, blocks, replacement):
    """AddressSanitizer's report of the read past states[], keyed by the
    flagged array it names: the global it reads past is defined on the
    line of that finding."""
    harm = {}
    where = {w: k for k, w, _ in case.flagged}
    for b in blocks:
        if b.command != "klp-sim stopped by AddressSanitizer":
            continue
        text = [l.strip() for l in b.lines]
        key = ANY_ROLE
        for l in text:
            m = re.search(r"to the right of global variable '[^']*' defined in "
                          r"'([^']*):(\d+):\d+'", l)
            if m and "%s:%s" % (os.path.basename(m.group(1)), m.group(2)) in where:
                key = where["%s:%s" % (os.path.basename(m.group(1)), m.group(2))]
        harm.setdefault(key, []).extend(
            "in phase '%s': %s" % (b.phase, l) for l in text
            if "ERROR: AddressSanitizer" in l or "to the right of" in l
            or re.match(r"#\d* 0x", l))
    return harm


def harm_duplicate(case, blocks, replacement):
    """DER-8: one callback of P for one id runs twice in one command."""
    P = case.module
    ev = re.compile(r"^(pre_patch|post_patch|pre_unpatch|post_unpatch)\(%s,(\d+)\)$"
                    % re.escape(P))
    harm = {}
    for b in blocks:
        seen = {}
        for l in b.lines:
            m = ev.match(l)
            if m:
                seen[(m.group(1), int(m.group(2)))] = seen.get((m.group(1), int(m.group(2))), 0) + 1
        for (cb, i), n in sorted(seen.items()):
            if n > 1:
                harm.setdefault(i, []).append("'%s' (%s): %s(%s,%d) ran %d times"
                                              % (b.command, b.phase, cb, P, i, n))
    return harm


def harm_prev_state(case, blocks, replacement):
    """klp_get_prev_state() called outside a transition warns (once)."""
    harm = {}
    for b in blocks:
        for l in b.lines:
            if re.match(r"WARNING: at klp_get_prev_state\b", l):
                harm.setdefault("outside-transition", []).append(
                    "'%s' (%s): %s" % (b.command, b.phase, l))
    return harm


def harm_id_zero(case, blocks, replacement):
    """The walk stops at the id-0 element: the shadow variables of the
    is_shadow states from there on outlive P's disable. Keyed by the
    flagged element's id, 0."""
    return {0: [l for v in harm_shadow(case, blocks, replacement).values() for l in v]} \
        if harm_shadow(case, blocks, replacement) else {}


def harm_internal(case, blocks, replacement):
    """The failed enable cancels: post_unpatch of P runs for an id whose
    pre_patch never ran (the preset pre_patch_succeeded)."""
    P = case.module
    harm = {}
    for b in blocks:
        if b.command != "load %s.so" % P or not b.failed:
            continue
        ran = set()
        for l in b.lines:
            m = re.match(r"^(pre_patch|post_unpatch)\(%s,(\d+)\)$" % re.escape(P), l)
            if not m:
                continue
            i = int(m.group(2))
            if m.group(1) == "pre_patch":
                ran.add(i)
            elif i not in ran:
                harm.setdefault(i, []).append(
                    "'%s' (%s) failed, and its cancel ran %s with no pre_patch(%s,%d) before it"
                    % (b.command, b.phase, l, P, i))
    return harm


def harm_build(case, build_error):
    """C: the member is gone; the compiler says so."""
    member = BUILD_HARM[case.check]
    lines = [l.strip().replace(case.root + "/", "") for l in build_error.splitlines()
             if re.search(r"no member named [‘'`]%s[’']" % member, l)]
    return {member: lines[:3]} if lines else {}


HARM = {
    "patch-klp-build-states": harm_klp_build,
    "patch-blocking-tail-call": harm_tail_call,
    "callbacks-module-local-init": harm_local_init,
    "callbacks-reenter-core": harm_reenter,
    "callbacks-pre-patch-no-rollback": harm_rollback,
    "callbacks-signature": harm_signature,
    "patch-array-unterminated": harm_array,
    "state-array-unterminated": harm_unterminated,
    "state-duplicate-id": harm_duplicate,
    "state-get-prev-state-context": harm_prev_state,
    "state-id-zero": harm_id_zero,
    "state-internal-field-set": harm_internal,
    # state-data-field and state-version-field: harm_build under C; under
    # A the battery shows none of their effects (see their unshown notes).
    "state-data-field": lambda case, blocks, replacement: {},
    "state-version-field": lambda case, blocks, replacement: {},
    "callbacks-per-object": harm_callbacks,
    "callbacks-per-object-unpaired": harm_unpaired,
    "shadow-alloc-unchecked": harm_alloc_unchecked,
    "shadow-api-in-ctor-dtor": harm_api_in_callback,
    "shadow-ctor-dtor-sleeps": harm_sleeps,
    "shadow-free-in-state-callback": harm_free_in_callback,
    "shadow-id-without-state": harm_shadow,
    "shadow-module-object-lifetime": harm_module_lifetime,
    "state-missing-disable-callbacks": harm_state,
}


# Checks whose harm is, or may stop, the enable itself.
ENABLE_MAY_FAIL = ("callbacks-signature", "callbacks-pre-patch-no-rollback",
                   "patch-array-unterminated", "callbacks-reenter-core")


def enable_failed(case, blocks):
    for b in blocks:
        if b.command == "load %s.so" % case.module:
            return b.failed
    return True


# ---------------------------------------------------------------------------
# The harm traces of klp-lint --explain

def make_trace(check, case, transcript, replacement):
    """The canonical transcript, trimmed to what shows the harm: without the
    transition lines (initializing, starting, completing) and without
    shadow listings that find nothing."""
    keep = []
    blocks = re.split(r"(?m)^(?=% |== )", transcript)
    for block in blocks:
        if block == "% shadow\nno shadow variables\n":
            continue
        for line in block.splitlines():
            if re.match(r"livepatch: '[^']*': (initializing|starting|completing) ", line):
                continue
            keep.append(line)
    if transcript.startswith("% build against"):
        head = ("# %s: test-corpus/%s built as a module against the final generation C "
                "headers by the proof battery (kernel-support/tests/proof/run-proof.py): "
                "the compiler's errors." % (check, case.rel))
    elif case.blocked:
        head = ("# %s: klp-sim's transcript of test-corpus/%s in the proof battery "
                "(kernel-support/tests/proof/run-proof.py: load the module, built with "
                "sibling calls, as a target; patch each function a task of it sleeps "
                "in; remove it), without the transition lines."
                % (check, case.rel))
    elif case.shows:
        head = ("# %s: klp-sim's transcript of test-corpus/%s in the proof battery "
                "(kernel-support/tests/proof/run-proof.py: enable; hand the states over "
                "to a copy of the module; disable; re-enable; replace by %s, a patch "
                "without its states; remove that), without the transition lines."
                % (check, case.rel, replacement))
    elif case.generation == "A":
        head = ("# %s: klp-sim-a's transcript of test-corpus/%s in the proof battery "
                "(kernel-support/tests/proof/run-proof.py: enable; disable and list "
                "the leaks; re-enable; replace by %s, a replace patch without "
                "callbacks; remove that), without the transition lines."
                % (check, case.rel, replacement))
    else:
        head = ("# %s: klp-sim's transcript of test-corpus/%s in the proof battery "
                "(kernel-support/tests/proof/run-proof.py: enable; disable; re-enable; "
                "replace by %s, a patch without its states; remove that), "
                "without the transition lines."
                % (check, case.rel, replacement))
    return head + "\n" + "\n".join(keep) + "\n"


# ---------------------------------------------------------------------------

def fmt_ids(ids):
    out = []
    for i in sorted(ids, key=lambda x: (isinstance(x, str), x)):
        out.append(str(i))
    return ",".join(out) if out else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--config", required=True,
                    help="JSON with sim, klp_lint, modules, cc, cflags, ldflags, "
                         "source_root, work (written by CMake)")
    ap.add_argument("--update-traces", action="store_true",
                    help="rewrite docs/checks/<check>.trace")
    ap.add_argument("--case", action="append", default=[],
                    help="only cases whose path contains this (repeatable)")
    ap.add_argument("--transcripts", action="store_true",
                    help="print every transcript")
    args = ap.parse_args()
    cfg = json.load(open(args.config))
    root = cfg["source_root"]
    for what in ("sim", "sim_a", "klp_lint"):
        if not os.access(cfg[what], os.X_OK):
            print("FAIL: %s is not built (ninja klp-sim klp-sim-a "
                  "kernel-support-test-modules klp-lint)" % cfg[what])
            return 1
    for name in (DEFAULT_REPLACEMENT, DEFAULT_REPLACEMENT_A):
        if not os.path.exists(os.path.join(cfg["modules"], name + ".so")):
            print("FAIL: the test modules are not built (ninja kernel-support-test-modules)")
            return 1
    if os.path.isdir(cfg["work"]):
        shutil.rmtree(cfg["work"])
    os.makedirs(cfg["work"])

    failures = []
    rows = []
    skipped = []
    traces = {}
    blocks_of = {}
    for check, group, prefix, canonical in CHECKS:
        for path in case_paths(root, group, prefix):
            if args.case and not any(c in path for c in args.case):
                continue
            try:
                case = Case(root, check, group, path)
            except ProofError as e:
                failures.append(str(e))
                continue
            if case.generation == "A":
                case.notes.append("generation A: klp-sim-a")
            elif case.generation == "B":
                # No reference core runs the POC's API.
                ok, why = compiles_against_c(cfg, case)
                if not ok:
                    skipped.append((case, why))
                    continue
                case.notes.append("generation B case that compiles against C")
            build_error = None
            try:
                flagged, lint_notes = run_lint(cfg, case)
                case.flagged = flagged
                case.flagged_keys = {k for k, _, _ in flagged}
                try:
                    so, facts, is_patch = build_module(cfg, case)
                except ProofError as e:
                    if check not in BUILD_HARM or case.generation == "A":
                        raise
                    build_error = str(e)
                if build_error is None:
                    if case.shows:
                        build_module(cfg, case, case.module + "_copy")
                    if case.blocked:
                        build_blockers(cfg, case)
                    replacement = build_replacement(cfg, case)
                    transcript = run_battery(cfg, case, replacement)
                else:
                    facts, is_patch, replacement = [
                        "does not build against the final generation C headers"], False, "-"
                    transcript = "% build against the final generation C headers\n" + \
                        "".join("→ %s\n" % l.strip().replace(root + "/", "")
                                for l in build_error.splitlines() if " error: " in l)
            except ProofError as e:
                failures.append(str(e))
                continue
            blocks = split_transcript(transcript)
            harm = (harm_build(case, build_error) if build_error is not None
                    else HARM[check](case, blocks, replacement))
            flagged_ids = {k for k, _, _ in flagged}
            # Harm a convention leaves unflagged must be there, and is then
            # set aside.
            for k in sorted(case.unflagged, key=str):
                if k not in harm:
                    failures.append("%s: 'PROOF: unflagged %s' but no harm of it shows"
                                    % (case.rel, k))
            harm_all = harm
            harm = {k: v for k, v in harm.items() if k not in case.unflagged}
            harm_ids = set(harm) - {ANY_ROLE}
            problems = []
            if is_patch and check not in ENABLE_MAY_FAIL and \
                    enable_failed(case, blocks) != case.enable_fails:
                problems.append("the patch cannot be enabled" if not case.enable_fails
                                else "'PROOF: enable fails' but the enable succeeded")
            # Ids declared unshown show nothing: a case whose every flagged
            # id is unshown must show no harm at all.
            if bool(flagged_ids - set(case.unshown)) != bool(harm):
                problems.append("flagged=%s but harm=%s"
                                % (bool(flagged_ids - set(case.unshown)), bool(harm)))
            if harm_ids - flagged_ids:
                problems.append("harm of ids klp-lint does not flag: %s"
                                % fmt_ids(harm_ids - flagged_ids))
            missing = flagged_ids - harm_ids
            if missing != set(case.unshown):
                if missing - set(case.unshown):
                    problems.append("flagged ids without harm: %s"
                                    % fmt_ids(missing - set(case.unshown)))
                if set(case.unshown) - missing:
                    problems.append("'PROOF: unshown' ids that are not flagged or do show harm: %s"
                                    % fmt_ids(set(case.unshown) - missing))
            rows.append((case, flagged, lint_notes, harm_all, facts, replacement, problems))
            blocks_of[case.rel] = blocks
            if problems:
                failures.append("%s: %s" % (case.rel, "; ".join(problems)))
            if args.transcripts or problems:
                print("---- transcript of %s" % case.rel)
                print(transcript)
            if canonical and os.path.basename(path) == canonical:
                traces[check] = make_trace(check, case, transcript, replacement)

    # The table.
    print("Proof of findings: case -> flagged? -> harm")
    print()
    table = [("case", "gen", "flagged (ids)", "harm (ids)", "result")]
    for case, flagged, lint_notes, harm, facts, replacement, problems in rows:
        table.append((case.rel, case.generation,
                      "yes: " + fmt_ids({k for k, _, _ in flagged}) if flagged else "no",
                      "yes: " + fmt_ids(set(harm)) if harm else "no",
                      "MISMATCH" if problems else "ok"))
    widths = [max(len(r[i]) for r in table) for i in range(4)]
    line_of = {}
    for r in table:
        line_of[r[0]] = "  ".join(r[i].ljust(widths[i]) for i in range(4)) + "  " + r[4]
    print(line_of["case"])
    for case, flagged, lint_notes, harm, facts, replacement, problems in rows:
        print(line_of[case.rel])
        for k, reason in sorted(case.unshown.items()):
            print("    unshown %s: %s" % (k, reason))
        for k, reason in sorted(case.unflagged.items()):
            print("    unflagged %s: %s" % (k, reason))
        for k, where, msg in lint_notes:
            print("    note (%s) %s: %s" % (k, where, msg))
        extra = list(facts) + case.notes
        if case.keeps:
            extra.append("replacement %s keeps %s" % (replacement, fmt_ids(case.keeps)))
        if extra:
            print("    build: " + "; ".join(extra))
        if case.check == "shadow-id-without-state" and case.calls:
            allocated, freed = shadow_summary(case, blocks_of[case.rel])
            print("    shadow: allocated %s; freed by the core at a removal %s"
                  % (fmt_ids(allocated), fmt_ids(freed)))
        for b in blocks_of[case.rel]:
            if b.failed:
                print("    battery (%s): %s %s" % (b.phase, b.command,
                                                   " ".join(l for l in b.lines if l.startswith("→ "))))
        for k in sorted(harm, key=lambda x: (isinstance(x, str), x)):
            for l in harm[k]:
                print("    harm %s: %s" % (k, l))
        for p in problems:
            print("    MISMATCH: " + p)
    print()
    print("Skipped (generation B, which no reference core runs, and which does "
          "not compile against generation C):")
    for case, why in skipped:
        print("  %-50s %s  %s" % (case.rel, case.generation, why))
        if case.generation == "C":
            failures.append("%s: a generation C case was skipped" % case.rel)
    print()

    # The traces.
    if not args.case:
        for check, _, _, canonical in CHECKS:
            if canonical is None:
                continue
            path = os.path.join(root, "docs", "checks", check + ".trace")
            if check not in traces:
                failures.append("%s: no transcript of the canonical case %s"
                                % (check, canonical))
                continue
            if args.update_traces:
                open(path, "w").write(traces[check])
                print("wrote %s" % os.path.relpath(path, root))
            elif not os.path.exists(path) or open(path).read() != traces[check]:
                failures.append("docs/checks/%s.trace differs from the transcript of %s "
                                "(run-proof.py --update-traces rewrites it):\n%s"
                                % (check, canonical, traces[check]))

    print("%d cases run, %d skipped, %d failures" % (len(rows), len(skipped), len(failures)))
    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
