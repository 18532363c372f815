#!/usr/bin/env bash
# Installs Quarry into a scratch prefix, builds examples/embed against the installed
# package twice (CMake find_package and pkg-config), runs both and checks their answers.
# usage: embed_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" > /dev/null

expect() {
  local out=$1
  grep -qx 'nodes 3, relationships 2' "$out" || { echo "unexpected counts:"; cat "$out"; exit 1; }
  grep -qx '"Ada Park" | "meet" | "Ben Ortiz" | 2' "$out" ||
    { echo "missing the merged fact with support 2:"; cat "$out"; exit 1; }
}

# 1. CMake package.
cmake -S "$src/examples/embed" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build "$work/cmake-build" -j 2 > /dev/null
"$work/cmake-build/embed" "$work/db1" > "$work/out1"
expect "$work/out1"

# 2. pkg-config, with the .pc file found relative to the prefix.
libdir=$(dirname "$(find "$work/prefix" -name quarry.pc)")
PKG_CONFIG_PATH="$libdir" pkg-config --exists quarry
# shellcheck disable=SC2046
g++ -o "$work/embed-pc" "$src/examples/embed/main.cpp" \
  $(PKG_CONFIG_PATH="$libdir" pkg-config --cflags --libs quarry)
"$work/embed-pc" "$work/db2" > "$work/out2"
expect "$work/out2"
echo "embed example OK (find_package and pkg-config)"
