#!/usr/bin/env bash
# Benchmarks dockb's full build (knowledge base + static site) against
# cmark-gfm's own command rendering the same files, and Hugo building them
# when `hugo` is installed. Prints medians of several interleaved runs, their
# ratios to cmark-gfm, and whether dockb meets the targets of issue 6:
# at most 2x cmark-gfm, faster than Hugo, peak memory under 300 MB.
#
#   Benchmarks/corpus-build.sh [--runs N] [--corpus DIR] [--no-build]
#
# Exit status: 0 when every target is met, 1 when one is missed, 2 on a usage
# error or when a tool fails.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=5
corpus="$root/../shared/corpus/sccm"
build=1

usage() { sed -n '2,11s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
while (($# > 0)); do
  case "$1" in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --corpus) corpus=${2:?--corpus needs a folder}; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "--runs must be a positive number, not '$runs'" >&2; exit 2; }
[[ -d "$corpus" ]] || { echo "corpus folder not found: $corpus (pass --corpus DIR)" >&2; exit 2; }
corpus=$(cd "$corpus" && pwd)

# GNU time, not the shell keyword: it reports the peak resident set size (%M).
gnu_time=/usr/bin/time
[[ -x "$gnu_time" ]] || { echo "needs GNU time at $gnu_time (Debian package 'time')" >&2; exit 2; }
command -v cmark-gfm >/dev/null || { echo "needs the cmark-gfm command (Debian package 'cmark-gfm')" >&2; exit 2; }

if ((build)); then
  echo "Building dockb (release) ..." >&2
  (cd "$root" && swift build -c release --product dockb >&2)
fi
dockb="$root/.build/release/dockb"
[[ -x "$dockb" ]] || { echo "no release build at $dockb (run without --no-build)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/dockb-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The files dockb reads: every *.md below the corpus, hidden folders excluded,
# links followed. The same list goes to cmark-gfm and (as a copy) to Hugo.
mapfile -d '' files < <(cd "$corpus" && find -L . -path '*/.*' -prune -o -type f -iname '*.md' -print0 | sort -z)
((${#files[@]} > 0)) || { echo "no .md files under $corpus" >&2; exit 2; }
bytes=$(cd "$corpus" && cat -- "${files[@]}" | wc -c)

# Hugo: a throw-away site whose content is a copy of the corpus (DocFX front
# matter is YAML, which Hugo reads) and whose layouts print each page's
# content and each section's page list. Copying happens here, untimed.
hugo_bin=$(command -v hugo || true)
if [[ -n "$hugo_bin" ]]; then
  site="$work/hugo-site"
  mkdir -p "$site/layouts/_default" "$site/content"
  (cd "$corpus" && cp --parents -L -- "${files[@]}" "$site/content/")
  printf '%s\n' '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>' \
    > "$site/layouts/_default/single.html"
  printf '%s\n' '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>' \
    > "$site/layouts/_default/list.html"
  cat > "$site/config.toml" <<'EOF'
baseURL = "https://example.invalid/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
EOF
fi

# Runs one timed command; appends "seconds cpu_seconds peak_kb" to $1.
measure() {
  local record=$1; shift
  local stats="$work/time.out"
  if ! "$gnu_time" -o "$stats" -f '%e %U %S %M' "$@"; then
    echo "failed: $1 (with $(($# - 1)) arguments)" >&2
    cat "$stats" >&2 || true
    exit 2
  fi
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$stats" >> "$record"
}

# Earlier outputs are moved aside, not deleted, until the end: on ext4
# without a journal, creating files soon after deleting thousands nearby
# costs up to a millisecond each (the allocator skips recently freed inodes),
# which would time the previous run's deletion rather than this build.
set_aside() {
  local target
  for target in "$@"; do
    [[ -e "$target" ]] || continue
    mkdir -p "$work/set-aside"
    mv "$target" "$(mktemp -d "$work/set-aside/XXXXXX")/"
  done
}
run_dockb() {
  set_aside "$work/dockb-out"
  measure "$work/dockb.times" "$dockb" build --source "$corpus" --output "$work/dockb-out" --quiet
}
# One process over every file: cmark-gfm reads its arguments one after the
# other into a single parser, as one concatenated document. (It takes no `--`;
# the paths start with `./`, so none reads as an option.)
run_cmark() {
  (cd "$corpus" && measure "$work/cmark.times" cmark-gfm -e table "${files[@]}" > /dev/null)
}
run_hugo() {
  set_aside "$site/public" "$site/resources" "$work/hugo-cache"
  measure "$work/hugo.times" "$hugo_bin" --quiet --source "$site" --cacheDir "$work/hugo-cache"
}

# One untimed round first, so every tool reads the corpus from the page cache.
echo "Corpus: $corpus (${#files[@]} files, $((bytes / 1000)) kB); $runs runs after one warm-up round" >&2
run_dockb; run_cmark; [[ -z "$hugo_bin" ]] || run_hugo
rm -f "$work"/*.times
for ((i = 1; i <= runs; i++)); do
  echo "  run $i of $runs" >&2
  run_dockb; run_cmark; [[ -z "$hugo_bin" ]] || run_hugo
done

# The dockb build report of the last run, for its phase timings.
"$dockb" build --source "$corpus" --output "$work/dockb-report" --max-warnings 0 > "$work/dockb.report"

echo
echo "Corpus: ${#files[@]} Markdown files, $((bytes / 1000)) kB; $runs runs each, interleaved, warm page cache; $(nproc) cores"
# median FILE COLUMN: the median of one column of a times file.
median() {
  sort -n -k "$2,$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
summary=$(
  for tool in dockb cmark hugo; do
    times="$work/$tool.times"
    [[ -f "$times" ]] || continue
    read -r low high peak < <(awk 'NR == 1 || $1 < low { low = $1 } $1 > high { high = $1 } $3 > peak { peak = $3 }
                                   END { print low, high, peak }' "$times")
    awk -v t="$tool" -v m="$(median "$times" 1)" -v lo="$low" -v hi="$high" -v c="$(median "$times" 2)" -v p="$peak" \
      'BEGIN { printf "%s %.3f %.2f %.2f %.2f %.1f\n", t, m, lo, hi, c, p / 1024 }'
  done
)
cmark_median=$(awk '$1 == "cmark" { print $2 }' <<< "$summary")
awk -v base="$cmark_median" '
  BEGIN {
    name["dockb"] = "dockb build (KB + site)"; name["cmark"] = "cmark-gfm -e table"; name["hugo"] = "hugo --quiet"
    printf "%-26s %9s %7s %7s %9s %13s %9s\n", "tool", "median s", "min s", "max s", "cpu s", "peak RSS MB", "x cmark"
  }
  { printf "%-26s %9.2f %7.2f %7.2f %9.2f %13.1f %9.2f\n", name[$1], $2, $3, $4, $5, $6, $2 / base }
' <<< "$summary"
echo "(wall-clock seconds; cpu s = median user+system seconds; peak RSS is the largest of the runs)"
echo "dockb phases, last report: $(head -n 1 "$work/dockb.report" | sed 's/.* s (//; s/)$//')"

echo
read -r dockb_median dockb_peak < <(awk '$1 == "dockb" { print $2, $6 }' <<< "$summary")
missed=0
verdict() {  # label, pass (1/0), detail
  if (($2)); then echo "PASS  $1 ($3)"; else echo "FAIL  $1 ($3)"; missed=1; fi
}
ratio=$(awk -v a="$dockb_median" -v b="$cmark_median" 'BEGIN { printf "%.2f", a / b }')
verdict "dockb at most 2x cmark-gfm" "$(awk -v r="$ratio" 'BEGIN { print (r <= 2) }')" "${ratio}x"
if [[ -n "$hugo_bin" ]]; then
  hugo_median=$(awk '$1 == "hugo" { print $2 }' <<< "$summary")
  verdict "dockb faster than Hugo" "$(awk -v a="$dockb_median" -v b="$hugo_median" 'BEGIN { print (a < b) }')" \
    "$dockb_median s vs $hugo_median s"
else
  echo "SKIP  dockb faster than Hugo (hugo is not installed; Debian package 'hugo')"
fi
verdict "dockb peak memory under 300 MB" "$(awk -v m="$dockb_peak" 'BEGIN { print (m < 300) }')" "$dockb_peak MB"
exit "$missed"
