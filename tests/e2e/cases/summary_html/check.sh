# The page is self-contained: three inline SVG pictures, no scripts, nothing
# fetched from the network (the only URL is the SVG namespace).
set -u
f=report.html
grep -q '^<!DOCTYPE html>' "$f" || { echo "no doctype"; exit 1; }
[ "$(grep -o '<svg ' "$f" | wc -l)" = 3 ] || { echo "expected 3 <svg> pictures"; exit 1; }
! grep -qi '<script' "$f" || { echo "has a script"; exit 1; }
! grep -qiE '<(link|img|iframe|object|embed)\b|@import|url\(|src=' "$f" || { echo "loads something"; exit 1; }
[ "$(grep -oE 'https?://[^"]*' "$f" | sort -u)" = "http://www.w3.org/2000/svg" ] || { echo "has a URL"; exit 1; }
grep -q 'Funnel test rules' "$f" || { echo "no title"; exit 1; }
grep -q 'Lead velocity' "$f" || { echo "no velocity table"; exit 1; }
! ls .report.html.tmp-* 2>/dev/null || { echo "temporary file left behind"; exit 1; }
