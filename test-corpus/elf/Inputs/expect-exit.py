# SPDX-License-Identifier: GPL-2.0-only
"""expect-exit.py CODE CMD [ARGS...]: run CMD, pass its output through, and
exit 0 only if CMD exited with exactly CODE (a signal is never CODE)."""
import subprocess
import sys

want = int(sys.argv[1])
proc = subprocess.run(sys.argv[2:])
if proc.returncode != want:
    sys.stderr.write("expect-exit: '%s' exited with %d, expected %d\n"
                     % (sys.argv[2], proc.returncode, want))
    sys.exit(1)
