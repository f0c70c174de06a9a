#!/usr/bin/env bash
# Writes the dataset's graph (docs/graph.dot) and a close-up of the Knowledge City
# (docs/graph-knowledge-city.dot) with `examples/graph.rs`, and renders both with Graphviz:
# docs/graph.svg (the whole graph, to zoom into), docs/graph.png and
# docs/graph-knowledge-city.png (the pictures the README shows).
# Installs graphviz with apt-get where `dot` is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dot > /dev/null; then
  echo "graphviz is missing: installing it with apt-get" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq graphviz
  else sudo apt-get update -qq && sudo apt-get install -y -qq graphviz; fi
fi

cargo run -q -p china-singapore-dev --example graph > docs/graph.dot
cargo run -q -p china-singapore-dev --example graph -- --around CSGKC > docs/graph-knowledge-city.dot
dot -Tsvg docs/graph.dot -o docs/graph.svg
dot -Tpng -Gdpi=60 docs/graph.dot -o docs/graph.png
dot -Tpng -Gdpi=72 docs/graph-knowledge-city.dot -o docs/graph-knowledge-city.png
echo "rendered docs/graph.svg, docs/graph.png and docs/graph-knowledge-city.png"
