#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# prepare-kernel.sh - prepare real Linux kernel livepatch code for klp-lint tests.
#
# Fetches Debian's linux 6.12.117 headers/kbuild/source packages with apt-get,
# unpacks them into a private cache (no system installation of kernel
# packages), builds samples/livepatch and the livepatch selftest modules out of
# tree with the real kbuild, and generates a compile_commands.json per build
# directory with the kernel's own scripts/clang-tools/gen_compile_commands.py.
#
# Kernel sources are never committed; everything lives under the cache:
#   $KLP_LINT_KERNEL_CACHE
#     (default ${XDG_CACHE_HOME:-$HOME/.cache}/klp-lint/kernel-6.12.117)
#
# Layout of the cache:
#   root/      dpkg -x of linux-headers-*-amd64, -common and linux-kbuild-*
#              (absolute symlinks and Makefile includes rewritten into root/)
#   src/       the whole linux-source-6.12 tree (layout v3; v2 held only
#              samples/livepatch, the livepatch selftests and scripts and
#              scripts/clang-tools). Never written to after extraction: the
#              kernel-patch test applies source patches to it in memory.
#   build/samples/, build/selftests/
#              copied sources, Kbuild, .ko files, compile_commands.json
#   tree/      (--tree) the kbuild output directory (O=) of src/, configured
#              offline with the headers package's .config:
#              make olddefconfig prepare modules_prepare. tree/.stamp is
#              written last and records how long that took.
#   logs/      kbuild and gen_compile_commands logs
#   .stamp     written last; its presence (and matching content) means "ready"
#
# Usage: prepare-kernel.sh [--print-dir] [--force] [--tree] [--help]
#   (no option)  prepare the cache if needed, then print KLP_KERNEL_CACHE=<dir>
#   --print-dir  print the cache directory and exit 0 if it is ready, exit 1
#                otherwise (never fetches or builds anything)
#   --force      discard all cached state and prepare from scratch
#   --tree       also configure src/ out of tree into tree/ (with
#                --print-dir: ready only if tree/ is configured too)
#
# The script is idempotent and takes an flock on <cache>/.lock so concurrent
# test runs do not race; a second run with a complete cache takes well under
# a second.
set -euo pipefail

# ---------------------------------------------------------------------------
# Pinned versions.  Bump STAMP_FORMAT whenever the produced layout changes so
# that existing caches are rebuilt.
# ---------------------------------------------------------------------------
readonly KVERSION=6.12.117
readonly DEB_VERSION="6.12.117-1~deb12u1"
readonly KABI="${KVERSION}+deb12"                 # 6.12.117+deb12
readonly KFLAVOUR="${KABI}-amd64"                 # 6.12.117+deb12-amd64
readonly PKG_SOURCE="linux-source-6.12"
readonly PKG_HDR_ARCH="linux-headers-${KFLAVOUR}"
readonly PKG_HDR_COMMON="linux-headers-${KABI}-common"
readonly PKG_KBUILD="linux-kbuild-${KABI}"
readonly STAMP_FORMAT="klp-lint-kernel-cache v3 ${DEB_VERSION}"
# tree/.stamp: the configured tree (--tree), rebuilt when this changes.
readonly TREE_STAMP_FORMAT="klp-lint-kernel-tree v1 ${DEB_VERSION}"

# Build tools needed by kbuild for an out-of-tree module build.  binutils
# provides x86_64-linux-gnu-ld (Debian's headers set CROSS_COMPILE to
# x86_64-linux-gnu-), xz-utils is needed to read the source tarball.
readonly BUILD_DEPS=(gcc-12 make python3 bc flex bison libelf-dev binutils xz-utils)
# --tree: the host tools of "prepare modules_prepare" (objtool, sign-file).
readonly TREE_DEPS=(gcc libssl-dev)

readonly SAMPLE_SOURCES=(
    livepatch-sample.c
    livepatch-shadow-mod.c
    livepatch-shadow-fix1.c
    livepatch-shadow-fix2.c
    livepatch-callbacks-demo.c
    livepatch-callbacks-mod.c
    livepatch-callbacks-busymod.c
)
readonly SELFTEST_SOURCES=(
    test_klp_atomic_replace.c
    test_klp_callbacks_busy.c
    test_klp_callbacks_demo.c
    test_klp_callbacks_demo2.c
    test_klp_callbacks_mod.c
    test_klp_livepatch.c
    test_klp_shadow_vars.c
    test_klp_state.c
    test_klp_state2.c
    test_klp_state3.c
    test_klp_syscall.c
)
# The selftest scripts (v2 of the layout): kernel-support replays them in
# klp-sim and compares its transcripts with their expected dmesg.
readonly SELFTEST_SCRIPTS=(
    functions.sh
    test-callbacks.sh
    test-livepatch.sh
    test-shadow-vars.sh
    test-state.sh
    test-sysfs.sh
)

log() { printf 'prepare-kernel: %s\n' "$*" >&2; }
die() { printf 'prepare-kernel: error: %s\n' "$*" >&2; exit 1; }

usage() {
    sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"
}

# ---------------------------------------------------------------------------
# Options
# ---------------------------------------------------------------------------
MODE=prepare
FORCE=0
WANT_TREE=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --print-dir) MODE=print-dir ;;
        --force) FORCE=1 ;;
        --tree) WANT_TREE=1 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
    shift
done

CACHE="${KLP_LINT_KERNEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/klp-lint/kernel-${KVERSION}}"

# Kbuild cannot cope with whitespace or ':' in M=, and compile_commands.json
# consumers dislike them as well.
case "$CACHE" in
    *[[:space:]]*|*:*) die "cache path must not contain whitespace or ':': $CACHE" ;;
esac

is_ready() {
    local c=$1 f
    [[ -f "$c/.stamp" ]] || return 1
    [[ "$(head -n1 "$c/.stamp")" == "$STAMP_FORMAT" ]] || return 1
    # The cache is not relocatable (the headers Makefile, .cmd files and
    # compile_commands.json hold absolute paths): a moved cache is rebuilt.
    grep -qxF "kdir=$c/root/usr/src/${PKG_HDR_ARCH}" "$c/.stamp" || return 1
    for f in "${SAMPLE_SOURCES[@]}"; do
        [[ -f "$c/build/samples/${f%.c}.ko" ]] || return 1
    done
    for f in "${SELFTEST_SOURCES[@]}"; do
        [[ -f "$c/build/selftests/${f%.c}.ko" ]] || return 1
    done
    for f in "${SELFTEST_SCRIPTS[@]}"; do
        [[ -f "$c/src/tools/testing/selftests/livepatch/$f" ]] || return 1
    done
    [[ -f "$c/build/samples/compile_commands.json" &&
       -f "$c/build/selftests/compile_commands.json" ]] || return 1
    [[ "$(cat "$c/.src.done" 2>/dev/null)" == whole-tree ]] || return 1
}

tree_ready() {
    local c=$1
    [[ -f "$c/tree/.stamp" ]] || return 1
    [[ "$(head -n1 "$c/tree/.stamp")" == "$TREE_STAMP_FORMAT" ]] || return 1
    grep -qxF "src=$c/src" "$c/tree/.stamp" || return 1
}

if [[ "$MODE" == print-dir ]]; then
    [[ -d "$CACHE" ]] || exit 1
    CACHE="$(cd "$CACHE" && pwd -P)"
    is_ready "$CACHE" || exit 1
    [[ "$WANT_TREE" == 0 ]] || tree_ready "$CACHE" || exit 1
    printf '%s\n' "$CACHE"
    exit 0
fi

mkdir -p "$CACHE"
# Canonical path: gen_compile_commands.py realpath()s file names, so the
# whole cache must be addressed through its symlink-free path.
CACHE="$(cd "$CACHE" && pwd -P)"

ROOT="$CACHE/root"
SRC="$CACHE/src"
BUILD="$CACHE/build"
LOGS="$CACHE/logs"
KDIR="$ROOT/usr/src/${PKG_HDR_ARCH}"
KDIR_COMMON="$ROOT/usr/src/${PKG_HDR_COMMON}"

# ---------------------------------------------------------------------------
# Lock: concurrent runs wait for each other; the loser then sees the stamp.
# ---------------------------------------------------------------------------
command -v flock >/dev/null || die "flock (util-linux) is required"
exec 9>"$CACHE/.lock"
if ! flock -n 9; then
    log "waiting for lock on $CACHE/.lock (another run is preparing the cache)"
    flock 9
fi

if [[ "$FORCE" == 1 ]]; then
    log "--force: discarding cached state"
    rm -rf "$CACHE/.stamp" "$ROOT" "$SRC" "$BUILD" "$LOGS" "$CACHE/tree" \
           "$CACHE/.root.done" "$CACHE/.src.done" "$CACHE"/tmp.*
fi

if is_ready "$CACHE" && { [[ "$WANT_TREE" == 0 ]] || tree_ready "$CACHE"; }; then
    printf 'KLP_KERNEL_CACHE=%s\n' "$CACHE"
    exit 0
fi
mkdir -p "$LOGS"

SUDO=()
as_root_or_die() {
    if [[ $EUID -ne 0 ]]; then
        command -v sudo >/dev/null || die "need root (or sudo) to: $*"
        SUDO=(sudo)
    fi
}

# ---------------------------------------------------------------------------
# 1. Build dependencies
# ---------------------------------------------------------------------------
missing=()
deps=("${BUILD_DEPS[@]}")
[[ "$WANT_TREE" == 0 ]] || deps+=("${TREE_DEPS[@]}")
for p in "${deps[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
APT_UPDATED=0
if [[ ${#missing[@]} -gt 0 ]]; then
    as_root_or_die "apt-get install ${missing[*]}"
    log "installing missing build dependencies: ${missing[*]}"
    if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y --no-install-recommends "${missing[@]}"; then
        "${SUDO[@]}" apt-get update
        APT_UPDATED=1
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y --no-install-recommends "${missing[@]}"
    fi
fi

# ---------------------------------------------------------------------------
# 2.-4. Fetch and unpack (each half has its own marker so an interrupted run
#       does not redo finished work).
# ---------------------------------------------------------------------------
TMP=""
cleanup() { [[ -n "$TMP" ]] && rm -rf "$TMP"; return 0; }
trap cleanup EXIT

apt_download() {
    # apt-get download into the current directory; retry once after
    # "apt-get update" (e.g. when the package lists are missing or stale).
    local apt_opts=()
    # As root, apt drops privileges to _apt, which cannot write into the
    # cache directory; download as root instead of warning about it.
    [[ $EUID -eq 0 ]] && apt_opts+=(-o APT::Sandbox::User=root)
    if apt-get "${apt_opts[@]}" download "$@"; then
        return 0
    fi
    [[ "$APT_UPDATED" == 1 ]] && return 1
    log "apt-get download failed; running apt-get update and retrying"
    as_root_or_die "apt-get update"
    "${SUDO[@]}" apt-get update
    APT_UPDATED=1
    apt-get "${apt_opts[@]}" download "$@"
}

one_deb() {
    # one_deb <dir> <package>: path of the single downloaded .deb for package
    local d=$1 p=$2 f
    local matches=("$d/${p}_"*.deb)
    [[ ${#matches[@]} -eq 1 && -f "${matches[0]}" ]] \
        || die "expected exactly one .deb for $p in $d"
    f=${matches[0]}
    printf '%s\n' "$f"
}

need_root=0; need_src=0
# .root.done holds the root path the Makefiles were rewritten to.
[[ -f "$CACHE/.root.done" && -d "$KDIR" &&
   "$(cat "$CACHE/.root.done")" == "$ROOT" ]] || need_root=1
# .src.done says "whole-tree" since v3 (the whole tarball is extracted).
[[ "$(cat "$CACHE/.src.done" 2>/dev/null)" == whole-tree &&
   -f "$SRC/Makefile" && -d "$SRC/samples/livepatch" &&
   -f "$SRC/tools/testing/selftests/livepatch/${SELFTEST_SCRIPTS[0]}" ]] || need_src=1

if [[ $need_root == 1 || $need_src == 1 ]]; then
    rm -rf "$CACHE"/tmp.*
    TMP="$(mktemp -d "$CACHE/tmp.XXXXXX")"
    pkgs=()
    if [[ $need_root == 1 ]]; then
        pkgs+=("${PKG_HDR_ARCH}=${DEB_VERSION}"
               "${PKG_HDR_COMMON}=${DEB_VERSION}"
               "${PKG_KBUILD}=${DEB_VERSION}")
    fi
    [[ $need_src == 1 ]] && pkgs+=("${PKG_SOURCE}=${DEB_VERSION}")
    log "downloading ${pkgs[*]}"
    (cd "$TMP" && apt_download "${pkgs[@]}") >"$LOGS/apt-download.log" 2>&1 || {
        tail -n 30 "$LOGS/apt-download.log" >&2
        die "apt-get download failed (log: $LOGS/apt-download.log)"
    }
fi

if [[ $need_root == 1 ]]; then
    log "unpacking headers and kbuild into $ROOT"
    rm -rf "$ROOT" "$CACHE/.root.done"
    mkdir -p "$ROOT"
    for p in "$PKG_HDR_ARCH" "$PKG_HDR_COMMON" "$PKG_KBUILD"; do
        dpkg -x "$(one_deb "$TMP" "$p")" "$ROOT"
    done

    # Absolute symlinks (lib/modules/<rel>/{build,source} -> /usr/src/...)
    # would escape the cache: point them into $ROOT, relatively.
    while IFS= read -r -d '' link; do
        target=$(readlink "$link")
        case "$target" in
            /usr/src/*|/usr/lib/linux-kbuild*)
                rel=$(realpath -m --relative-to="$(dirname "$link")" "$ROOT$target")
                ln -sfn "$rel" "$link"
                ;;
        esac
    done < <(find "$ROOT" -type l -lname '/*' -print0)

    # The flavour Makefile is just "include /usr/src/linux-headers-*-common/Makefile";
    # rewrite absolute /usr/src and /usr/lib/linux-kbuild references in the
    # headers' top-level make files to the cache root.  (The common Makefile
    # derives srctree from its own location, so nothing else is needed.)
    for mk in "$ROOT"/usr/src/linux-headers-*/Makefile \
              "$ROOT"/usr/src/linux-headers-*/.kernelvariables; do
        [[ -f "$mk" ]] || continue
        sed -i -E "s#(^|[[:space:]=:])/usr/(src/linux-|lib/linux-kbuild)#\\1${ROOT}/usr/\\2#g" "$mk"
    done

    # Sanity checks: nothing in root may still point outside the cache.
    bad=$(find "$ROOT" -type l -lname '/*' ! -lname "$ROOT/*" -printf '%p -> %l\n')
    [[ -z "$bad" ]] || die "absolute symlinks left in $ROOT: $bad"
    if grep -nE '(^|[[:space:]=:])/usr/(src|lib/linux-kbuild)' \
            "$ROOT"/usr/src/linux-headers-*/Makefile; then
        die "absolute /usr/src paths left in the headers Makefiles"
    fi
    [[ -f "$KDIR/.config" && -f "$KDIR_COMMON/Makefile" && -x "$KDIR/scripts/basic/fixdep" ]] \
        || die "unexpected headers layout under $ROOT"
    printf '%s\n' "$ROOT" >"$CACHE/.root.done"
fi

if [[ $need_src == 1 ]]; then
    log "extracting ${PKG_SOURCE} into $SRC"
    rm -rf "$SRC" "$CACHE/.src.done" "$CACHE/tree"
    mkdir -p "$SRC"
    # Stream the tarball out of the .deb; the whole tree (v3), so that source
    # patches can be analyzed against it (kernel-patch test).
    dpkg-deb --fsys-tarfile "$(one_deb "$TMP" "$PKG_SOURCE")" \
        | tar -xOf - ./usr/src/linux-source-6.12.tar.xz \
        | tar -xJf - -C "$SRC" --strip-components=1
    for f in "${SAMPLE_SOURCES[@]}"; do
        [[ -f "$SRC/samples/livepatch/$f" ]] || die "missing samples/livepatch/$f"
    done
    for f in "${SELFTEST_SOURCES[@]}"; do
        [[ -f "$SRC/tools/testing/selftests/livepatch/test_modules/$f" ]] \
            || die "missing test_modules/$f"
    done
    for f in "${SELFTEST_SCRIPTS[@]}"; do
        [[ -f "$SRC/tools/testing/selftests/livepatch/$f" ]] \
            || die "missing tools/testing/selftests/livepatch/$f"
    done
    [[ -f "$SRC/scripts/clang-tools/gen_compile_commands.py" ]] \
        || die "missing scripts/clang-tools/gen_compile_commands.py"
    printf 'whole-tree\n' >"$CACHE/.src.done"
fi

cleanup; TMP=""

# ---------------------------------------------------------------------------
# 5. Build the modules out of tree with the real kbuild.
# 6. Generate compile_commands.json and validate it.
# ---------------------------------------------------------------------------
JOBS=${KLP_LINT_KERNEL_JOBS:-2}

build_dir() {
    # build_dir <name> <source dir> <files...>
    local name=$1 srcdir=$2; shift 2
    local dir="$BUILD/$name" f log="$LOGS/kbuild-$name.log"

    rm -rf "$dir"
    mkdir -p "$dir"
    : >"$dir/Kbuild.tmp"
    for f in "$@"; do
        cp "$srcdir/$f" "$dir/$f"
        printf 'obj-m += %s.o\n' "${f%.c}" >>"$dir/Kbuild.tmp"
    done
    mv "$dir/Kbuild.tmp" "$dir/Kbuild"

    log "building $name modules (log: $log)"
    # Do not let the caller's environment (make jobserver, ARCH, O=, ...)
    # leak into kbuild.  CC/CROSS_COMPILE come from the headers'
    # .kernelvariables: x86_64-linux-gnu-gcc-12, the compiler the Debian
    # kernel was configured with.
    # CONFIG_DEBUG_INFO_BTF_MODULES= skips the per-module BTF step of
    # Makefile.modfinal: it needs pahole (dwarves), and BTF is irrelevant
    # for linting.  It only affects the .ko post-processing, not the
    # compiler command lines (those come from include/generated/autoconf.h
    # and the Makefiles).
    if ! env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES \
            -u KBUILD_OUTPUT -u O -u M -u KBUILD_EXTMOD -u ARCH -u CROSS_COMPILE \
            -u CC -u LD -u KCFLAGS -u KCPPFLAGS -u KBUILD_VERBOSE -u V \
            LC_ALL=C \
            make -C "$KDIR" M="$dir" -j"$JOBS" CONFIG_DEBUG_INFO_BTF_MODULES= \
                modules >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        die "kbuild failed for $name (full log: $log)"
    fi
    for f in "$@"; do
        [[ -f "$dir/${f%.c}.ko" ]] || {
            tail -n 40 "$log" >&2
            die "kbuild did not produce $dir/${f%.c}.ko (log: $log)"
        }
    done

    # Use modules.order (what 'make M=... compile_commands.json' does) so only
    # the module TUs are listed, not the generated *.mod.c / .module-common.c.
    local gcc_log="$LOGS/gen_compile_commands-$name.log"
    if ! python3 "$SRC/scripts/clang-tools/gen_compile_commands.py" \
            -d "$KDIR" -o "$dir/compile_commands.json" \
            "$dir/modules.order" >"$gcc_log" 2>&1; then
        cat "$gcc_log" >&2
        die "gen_compile_commands.py failed for $name"
    fi

    python3 - "$dir" "$CACHE" "$KDIR" "$@" <<'PY' || die "compile_commands.json validation failed for $name"
import json, os, shlex, sys
d, cache, kdir, *srcs = sys.argv[1:]
db = json.load(open(os.path.join(d, "compile_commands.json")))
errs = []
files = sorted(e["file"] for e in db)
want = sorted(os.path.join(d, s) for s in srcs)
if files != want:
    errs.append("entries %r != expected %r" % (files, want))
allowed_outside = ("/usr/lib/gcc/", "/usr/include", "/usr/bin/")
for e in db:
    if e["directory"] != os.path.realpath(kdir):
        errs.append("%s: directory %s" % (e["file"], e["directory"]))
    args = shlex.split(e["command"])
    base = os.path.basename(e["file"])[:-2].replace("-", "_")
    if "-DKBUILD_MODNAME='\"%s\"'" % base not in e["command"] and \
       '-DKBUILD_MODNAME="%s"' % base not in args:
        errs.append("%s: no -DKBUILD_MODNAME for %s" % (e["file"], base))
    if args[-1] != e["file"]:
        errs.append("%s: command does not end with the file" % e["file"])
    i = 0
    while i < len(args):
        a, p = args[i], None
        if a in ("-I", "-isystem", "-include", "-iquote"):
            i += 1; p = args[i]
        elif a.startswith("-I"):
            p = a[2:]
        elif a.startswith("-isystem"):
            p = a[len("-isystem"):]
        i += 1
        if p is None:
            continue
        ap = os.path.normpath(os.path.join(e["directory"], p))
        if not os.path.exists(ap):
            errs.append("%s: %s -> %s does not exist" % (e["file"], a, ap))
        if not (ap == cache or ap.startswith(cache + "/") or ap.startswith(allowed_outside)):
            errs.append("%s: %s points outside the cache" % (e["file"], ap))
if errs:
    print("\n".join(errs), file=sys.stderr)
    sys.exit(1)
print("prepare-kernel: %s: %d entries OK" % (os.path.basename(d), len(db)), file=sys.stderr)
PY
}

kbuild_env=(env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES
            -u KBUILD_OUTPUT -u O -u M -u KBUILD_EXTMOD -u ARCH -u CROSS_COMPILE
            -u CC -u LD -u KCFLAGS -u KCPPFLAGS -u KBUILD_VERBOSE -u V LC_ALL=C)

if ! is_ready "$CACHE"; then
    rm -f "$CACHE/.stamp"
    rm -rf "$BUILD"
    build_dir samples "$SRC/samples/livepatch" "${SAMPLE_SOURCES[@]}"
    build_dir selftests "$SRC/tools/testing/selftests/livepatch/test_modules" "${SELFTEST_SOURCES[@]}"

    # -----------------------------------------------------------------------
    # 7. Done: write the stamp atomically.
    # -----------------------------------------------------------------------
    {
        printf '%s\n' "$STAMP_FORMAT"
        printf 'kdir=%s\n' "$KDIR"
        printf 'built=%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    } >"$CACHE/.stamp.tmp"
    mv "$CACHE/.stamp.tmp" "$CACHE/.stamp"
fi

# ---------------------------------------------------------------------------
# 8. (--tree) Configure src/ out of tree, offline, with Debian's .config:
#    the host's gcc (Debian 12's gcc-12) and no other make variables, so
#    that "make -C src O=tree <target>" later needs none either.
# ---------------------------------------------------------------------------
if [[ "$WANT_TREE" == 1 ]] && ! tree_ready "$CACHE"; then
    TREE="$CACHE/tree"
    log "configuring $SRC into $TREE (log: $LOGS/configure-tree.log)"
    rm -rf "$TREE"
    mkdir -p "$TREE"
    cp "$KDIR/.config" "$TREE/.config"
    start=$(date +%s.%N)
    if ! "${kbuild_env[@]}" make -C "$SRC" O="$TREE" -j"$JOBS" \
            olddefconfig prepare modules_prepare >"$LOGS/configure-tree.log" 2>&1; then
        tail -n 40 "$LOGS/configure-tree.log" >&2
        die "configuring the tree failed (log: $LOGS/configure-tree.log)"
    fi
    end=$(date +%s.%N)
    [[ -f "$TREE/include/generated/autoconf.h" && -x "$TREE/scripts/mod/modpost" ]] \
        || die "configured tree lacks include/generated/autoconf.h or modpost"
    {
        printf '%s\n' "$TREE_STAMP_FORMAT"
        printf 'src=%s\n' "$SRC"
        printf 'configure_seconds=%.1f\n' "$(echo "$end - $start" | bc)"
        printf 'built=%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    } >"$TREE/.stamp.tmp"
    mv "$TREE/.stamp.tmp" "$TREE/.stamp"
fi

printf 'KLP_KERNEL_CACHE=%s\n' "$CACHE"
