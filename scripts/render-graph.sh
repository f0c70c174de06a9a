#!/usr/bin/env bash
# Writes the dataset's graph (docs/graph.dot) and one close-up per article, the Knowledge
# City (docs/graph-knowledge-city.dot) and the fourth Trade in Services Innovation Forum
# (docs/graph-forum.dot), with `examples/graph.rs`, and renders them with Graphviz:
# docs/graph.svg (the whole graph, to zoom into) and the close-ups as PNG at 72 dpi, about
# a README page wide, so their text reads without zooming.
# Installs graphviz with apt-get where `dot` is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dot > /dev/null; then
  echo "graphviz is missing: installing it with apt-get" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq graphviz
  else sudo apt-get update -qq && sudo apt-get install -y -qq graphviz; fi
fi

graph() { cargo run -q -p china-singapore-dev --example graph -- "$@"; }
graph > docs/graph.dot
graph --around CSGKC > docs/graph-knowledge-city.dot
graph --around trade-in-services-forum-4 > docs/graph-forum.dot
dot -Tsvg docs/graph.dot -o docs/graph.svg
for close_up in knowledge-city forum; do
  dot -Tpng -Gdpi=72 "docs/graph-$close_up.dot" -o "docs/graph-$close_up.png"
done
echo "rendered docs/graph.svg, docs/graph-knowledge-city.png and docs/graph-forum.png"
