#!/usr/bin/env bash
# The nightly publication of a province's data (docs/PUBLISHING.md): the exports waiting in
# EXPORTS_DIR are merged into the data folder DATA_DIR (npm run ingest), the site is built on
# it into a new release (npm run build), and the web root SITE_DIR, a symbolic link, is
# switched to that release in one step. Wall screens and open pages pick the new data up by
# themselves; yesterday's database stays readable in the new release for pages still on it.
#
# A failed ingest or build changes nothing that is served: the exports stay in EXPORTS_DIR
# for the next run, the web root keeps yesterday's release, and the script exits non-zero
# (systemd marks the unit failed; cron mails its output).
#
# Settings (environment, or an EnvironmentFile= for systemd; see deploy/nightly.env.example):
#   EXPORTS_DIR   where the one-stop system's exports are put (*.csv *.tsv *.txt *.xlsx
#                 *.parquet *.json *.ndjson *.jsonl), read in the order of their names
#   DATA_DIR      the data folder npm run ingest keeps
#   SITE_DIR      the web root the web server serves: a symbolic link this script switches
#   RELEASES_DIR  where each night's build goes (default: SITE_DIR.releases)
#   KEEP          releases kept for a rollback (default 7)
#   AGENCIES      the province's agency register (CSV), optional
#   MAPPING       a header mapping downloaded from the data page (.json), optional
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
exports=("$EXPORTS_DIR"/*.{csv,tsv,txt,xlsx,parquet,json,ndjson,jsonl})
shopt -u nocaseglob
if [ ${#exports[@]} -eq 0 ]; then
	say "Không có tệp xuất mới trong $EXPORTS_DIR: giữ nguyên dữ liệu đang công bố."
	exit 0
fi
mapfile -t exports < <(printf '%s\n' "${exports[@]}" | sort)

cd "$PROJECT_DIR"
args=(--out "$DATA_DIR")
[ -n "${AGENCIES:-}" ] && args+=(--agencies "$AGENCIES")
[ -n "${MAPPING:-}" ] && args+=(--mapping "$MAPPING")
[ -n "${PROVINCE:-}" ] && args+=(--province "$PROVINCE")
# shellcheck disable=SC2206 # options are words
[ -n "${INGEST_OPTIONS:-}" ] && args+=($INGEST_OPTIONS)
say "Nạp ${#exports[@]} tệp: ${exports[*]}"
npm run --silent ingest -- "${args[@]}" "${exports[@]}"

# The exports are in the data now: set aside, so tomorrow's run does not read them again.
mkdir -p "$EXPORTS_DIR/done/$stamp"
mv -- "${exports[@]}" "$EXPORTS_DIR/done/$stamp/"

release="$RELEASES_DIR/$stamp"
mkdir -p "$RELEASES_DIR"
say "Dựng trang vào $release"
npm run --silent build -- --data "$DATA_DIR" --out "$release"

# Pages open on yesterday's data go on reading its database until they next look for new data.
if [ -L "$SITE_DIR" ] && [ -d "$SITE_DIR/data" ]; then
	for db in "$SITE_DIR"/data/*.duckdb; do
		[ -e "$release/data/$(basename "$db")" ] || ln "$db" "$release/data/" 2>/dev/null || cp "$db" "$release/data/"
	done
fi

# One rename switches the web root: a request sees yesterday's release or today's, never half of each.
ln -sfn "$release" "$SITE_DIR.next"
mv -T "$SITE_DIR.next" "$SITE_DIR"
say "Đã công bố: $SITE_DIR → $release"

# Older releases beyond KEEP are removed (never the one served).
current=$(readlink -f "$SITE_DIR")
ls -1d "$RELEASES_DIR"/*/ 2>/dev/null | sed 's:/$::' | sort -r | tail -n +"$((KEEP + 1))" | while read -r old; do
	[ "$(readlink -f "$old")" = "$current" ] || rm -rf -- "$old"
done
