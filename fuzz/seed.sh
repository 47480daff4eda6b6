#!/usr/bin/env bash
# Seeds each target's corpus from the repository's own inputs: rule files, records
# (good and bad), broken rule files and pack tests. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
seed() { # target, files...
  local dir="fuzz/corpus/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do cp "$f" "$dir/$(echo "$f" | tr '/' '_')"; done
}
seed record fixtures/*.yaml fixtures/county-fields/*.yaml tests/bad-records/*.yaml
seed record_readings fixtures/*.yaml fixtures/county-fields/*.yaml tests/bad-records/*.yaml
seed rule_file rules/*/*.banfa tests/broken-rules/*.banfa
seed fmt rules/*/*.banfa tests/broken-rules/*.banfa tests/packs/*/*.banfa
seed pack_test rules/*/tests/*.yaml tests/packs/demo/tests/*.yaml tests/packs/demo/broken/*.yaml
