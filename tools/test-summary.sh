#!/usr/bin/env bash
# Prints testthat's totals from an R CMD check directory as one line:
# "N passed, N failed". A check that never reached the tests counts as one failure.
dir="${1:-check/smotelab.Rcheck}"
out=$(ls "$dir"/tests/testthat.Rout* 2>/dev/null | head -n 1)
line=""
[ -n "$out" ] && line=$(grep -E '\[ FAIL [0-9]+ \| WARN [0-9]+ \| SKIP [0-9]+ \| PASS [0-9]+ \]' "$out" | tail -n 1)
if [ -z "$line" ]; then
  echo "0 passed, 1 failed"
  exit 1
fi
fail=$(echo "$line" | sed -E 's/.*FAIL ([0-9]+).*/\1/')
pass=$(echo "$line" | sed -E 's/.*PASS ([0-9]+).*/\1/')
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
