#!/usr/bin/env bash
# The nightly publication of a province's data (docs/PUBLISHING.md): the exports waiting in
# EXPORTS_DIR are merged into the data folder DATA_DIR (npm run ingest), the site is built on
# it into a new release (npm run build), and the web root SITE_DIR, a symbolic link, is
# switched to that release in one step. Wall screens and open pages pick the new data up by
# themselves; yesterday's database stays readable in the new release for pages still on it.
#
# A failed ingest or build changes nothing that is served: the exports stay in EXPORTS_DIR
# for the next run (they are set aside only once the new release is served; read again, the
# dossiers already merged are simply unchanged), the web root keeps yesterday's release, and
# the script exits non-zero (systemd marks the unit failed; cron mails its output).
#
# Settings (environment, or an EnvironmentFile= for systemd; see deploy/nightly.env.example):
#   EXPORTS_DIR   where the one-stop system's exports are put (*.csv *.tsv *.txt *.xlsx
#                 *.parquet *.json *.ndjson *.jsonl), read in the order of their names
#   DATA_DIR      the data folder npm run ingest keeps
#   SITE_DIR      the web root the web server serves: a symbolic link this script switches
#   RELEASES_DIR  where each night's build goes (default: SITE_DIR.releases)
#   KEEP          releases, and databases of the data folder, kept for a rollback (default 7)
#   AGENCIES      the province's agency register (CSV), optional
#   MAPPING       a header mapping downloaded from the data page (.json), optional
#   HEADER_LINE   the line of the exports' header row, when not the one proposed, optional
#   PROVINCE      the province's name, for the first run
#   INGEST_OPTIONS  further options for npm run ingest (e.g. "--rewrite-above 0.2"), optional
set -euo pipefail

PROJECT_DIR=${PROJECT_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
: "${EXPORTS_DIR:?EXPORTS_DIR is not set}" "${DATA_DIR:?DATA_DIR is not set}" "${SITE_DIR:?SITE_DIR is not set}"
RELEASES_DIR=${RELEASES_DIR:-$SITE_DIR.releases}
KEEP=${KEEP:-7}
stamp=$(date -u +%Y%m%dT%H%M%SZ)

say() { printf '%s %s\n' "$(date '+%Y-%m-%d %H:%M:%S')" "$*"; }

shopt -s nullglob nocaseglob
# .xls too: the ingest refuses it with what to do (save as .xlsx), rather than it lying unseen.
exports=("$EXPORTS_DIR"/*.{csv,tsv,txt,xlsx,xls,parquet,json,ndjson,jsonl})
shopt -u nocaseglob
if [ ${#exports[@]} -eq 0 ]; then
	say "Không có tệp xuất mới trong $EXPORTS_DIR: giữ nguyên dữ liệu đang công bố."
	exit 0
fi
mapfile -t exports < <(printf '%s\n' "${exports[@]}" | sort)

cd "$PROJECT_DIR"
args=(--out "$DATA_DIR" --keep "$KEEP")
[ -n "${AGENCIES:-}" ] && args+=(--agencies "$AGENCIES")
[ -n "${MAPPING:-}" ] && args+=(--mapping "$MAPPING")
[ -n "${HEADER_LINE:-}" ] && args+=(--header-line "$HEADER_LINE")
[ -n "${PROVINCE:-}" ] && args+=(--province "$PROVINCE")
# shellcheck disable=SC2206 # options are words
[ -n "${INGEST_OPTIONS:-}" ] && args+=($INGEST_OPTIONS)
say "Nạp ${#exports[@]} tệp: ${exports[*]}"
npm run --silent ingest -- "${args[@]}" "${exports[@]}"

release="$RELEASES_DIR/$stamp"
mkdir -p "$RELEASES_DIR"
say "Dựng trang vào $release"
npm run --silent build -- --data "$DATA_DIR" --out "$release"

# Pages open on yesterday's data go on reading its database until they next look for new data:
# the one database yesterday's manifest names is linked into the new release (only that one,
# so that each release holds at most two and pruning a release frees its files).
if [ -L "$SITE_DIR" ] && [ -f "$SITE_DIR/data/manifest.json" ]; then
	yesterday=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).database' "$SITE_DIR/data/manifest.json")
	db="$SITE_DIR/data/$yesterday"
	if [ -f "$db" ] && [ ! -e "$release/data/$yesterday" ]; then
		ln "$db" "$release/data/" 2>/dev/null || cp "$db" "$release/data/"
	fi
fi

# One rename switches the web root: a request sees yesterday's release or today's, never half of each.
ln -sfn "$release" "$SITE_DIR.next"
mv -T "$SITE_DIR.next" "$SITE_DIR"
say "Đã công bố: $SITE_DIR → $release"

# The exports are in the served data now: set aside, so tomorrow's run does not read them again.
mkdir -p "$EXPORTS_DIR/done/$stamp"
mv -- "${exports[@]}" "$EXPORTS_DIR/done/$stamp/"

# Older releases beyond KEEP are removed (never the one served).
current=$(readlink -f "$SITE_DIR")
ls -1d "$RELEASES_DIR"/*/ 2>/dev/null | sed 's:/$::' | sort -r | tail -n +"$((KEEP + 1))" | while read -r old; do
	[ "$(readlink -f "$old")" = "$current" ] || rm -rf -- "$old"
done
