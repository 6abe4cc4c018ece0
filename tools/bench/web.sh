#!/usr/bin/env bash
# Book-page throughput: Shelfmark against nginx serving the same HTML as a static file,
# measured with wrk on loopback in the same run.
#
#   tools/bench/web.sh [SECONDS] [CONNECTIONS]
#
# Needs: a release build (built here), nginx and wrk (apt-get install nginx wrk).
# Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-15}
conns=${2:-64}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; nginx -p "$work/nginx" -c nginx.conf -s stop 2>/dev/null; rm -rf "$work"' EXIT

cargo build --release --quiet
./target/release/shelfmark --data "$work/data" serve --listen 127.0.0.1:18080 --base-url http://127.0.0.1:18080 2>"$work/serve.log" &
for _ in $(seq 100); do curl -sf -o /dev/null http://127.0.0.1:18080/ && break; sleep 0.1; done

page=/books/crisis-in-north-korea
mkdir -p "$work/nginx/html/books" "$work/nginx/logs"
curl -sf "http://127.0.0.1:18080$page" -o "$work/nginx/html/books/crisis-in-north-korea.html"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes auto;
error_log logs/error.log;
pid logs/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  server {
    listen 127.0.0.1:18081;
    root html;
    location = $page { default_type text/html; try_files /books/crisis-in-north-korea.html =404; }
  }
}
CONF
nginx -p "$work/nginx" -c nginx.conf

run() { wrk -t2 -c"$conns" -d"${secs}s" --latency "$1" ; }
parse() {
  local out=$1
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  echo "$rps $p99"
}
size=$(stat -c %s "$work/nginx/html/books/crisis-in-north-korea.html")
read -r s_rps s_p99 < <(parse "$(run "http://127.0.0.1:18080$page")")
read -r n_rps n_p99 < <(parse "$(run "http://127.0.0.1:18081$page")")
ratio=$(awk -v a="$s_rps" -v b="$n_rps" 'BEGIN { printf "%.2f", a / b }')
echo "| server | requests/s | p99 latency |"
echo "|---|---:|---:|"
echo "| shelfmark serve (book page, $size bytes) | $s_rps | $s_p99 |"
echo "| nginx (same HTML, static file) | $n_rps | $n_p99 |"
echo "| ratio shelfmark / nginx | $ratio | |"
echo
echo "wrk -t2 -c$conns -d${secs}s --latency, $(nproc) cores, $(date -u +%Y-%m-%d)"
