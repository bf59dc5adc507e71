#!/usr/bin/env bash
# Set up xiuci in ./.venv and annotate the example speeches into out/examples/.
# pkuseg 0.0.25 (whose model weights the default segmenter uses) is a source distribution that
# imports numpy in its setup.py, so it is built without build isolation after numpy and cython.
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
V=.venv/bin
"$V/python" -m pip install -q --upgrade pip
"$V/python" -m pip install -q numpy cython wheel setuptools
"$V/python" -c "import importlib.metadata as m; m.distribution('pkuseg')" 2>/dev/null \
  || "$V/python" -m pip install -q --no-build-isolation pkuseg==0.0.25
"$V/python" -m pip install -q -e ".[test,dask]"
if [ "${1:-}" != "--no-run" ]; then
  "$V/xiuci" annotate examples/ --out out/examples
  echo "Annotated examples/ → out/examples/ (annotations.jsonl, paragraphs.csv, paragraphs.parquet, *.html)"
fi
