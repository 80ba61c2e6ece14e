#!/usr/bin/env bash
# Rebuilds students.zip from students/ the way a Windows zip tool with a Chinese locale does:
# entry names in GBK, without the UTF-8 flag, plus the macOS and Windows debris real archives carry.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$here/students" "$work" <<'PY'
import os, sys, shutil
src, dst = sys.argv[1], sys.argv[2]
os.makedirs(os.path.join(dst, b"__MACOSX".decode()), exist_ok=True)
for name in sorted(os.listdir(src)):
    data = open(os.path.join(src, name), "rb").read()
    gbk = os.path.join(dst.encode(), name.encode("gbk"))
    with open(gbk, "wb") as f:
        f.write(data)
    if name.startswith("2023001"):
        with open(os.path.join(dst.encode(), b"__MACOSX", b"._" + name.encode("gbk")), "wb") as f:
            f.write(b"\x00\x05\x16\x07resource fork")
with open(os.path.join(dst, ".DS_Store"), "wb") as f:
    f.write(b"\x00\x00\x00\x01Bud1")
PY
rm -f "$here/students.zip"
(cd "$work" && LC_ALL=C zip -q -X -r "$here/students.zip" .)
echo "wrote $here/students.zip"
