#!/usr/bin/env bash
# The house style, checked: every C++ file formatted by the repository's .clang-format,
# and none longer than 400 lines (one purpose a file). Prints what breaks it, exit 1.
#   scripts/check_style.sh          check
#   scripts/check_style.sh --fix    format in place (then check the lengths)
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find core cli dialects tests fuzz bench -name '*.cpp' -o -name '*.h')
[ ${#files[@]} -gt 0 ] || { echo "check_style: no C++ files found"; exit 1; }

status=0
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
else
  unformatted=()
  for f in "${files[@]}"; do
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || unformatted+=("$f")
  done
  if [ ${#unformatted[@]} -gt 0 ]; then
    printf 'not formatted (run scripts/check_style.sh --fix): %s\n' "${unformatted[@]}"
    status=1
  fi
fi

limit=400
for f in "${files[@]}"; do
  n=$(wc -l < "$f")
  if [ "$n" -gt "$limit" ]; then
    echo "$f: $n lines (at most $limit: split it by purpose)"
    status=1
  fi
done
[ $status -eq 0 ] && echo "style: ${#files[@]} files formatted, none over $limit lines"
exit $status
