#!/usr/bin/env bash
# The wheel works outside the repository: build it, install it into a throwaway venv
# (dependencies borrowed from .venv, the project itself only from the wheel), and run
# every command from a temporary folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/.venv/bin/python" -m pip wheel --quiet --disable-pip-version-check --no-deps --no-build-isolation \
  -w "$work/dist" "$root" >/dev/null
python3 -m venv "$work/venv"
site="$("$work/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
deps="$("$root/.venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
echo "$deps" > "$site/borrowed-deps.pth"   # a plain path: .venv's editable finder is not loaded
rm -rf "$root/build"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --no-index "$work"/dist/*.whl
cp "$root/inputs/demo-daily.csv" "$work/"
cd "$work"
bg="$work/venv/bin/budgetgen"
"$work/venv/bin/python" -c 'import generator, sys; assert "site-packages" in generator.__file__, generator.__file__'
"$bg" init plan.xlsx >/dev/null
"$bg" init --actuals actuals.xlsx >/dev/null
"$bg" build plan.xlsx -o out --pptx >/dev/null
"$bg" track plan.xlsx demo-daily.csv -o tracking >/dev/null
"$bg" retro plan.xlsx actuals.xlsx -o retro >/dev/null
"$work/venv/bin/python" -m generator.segment.demo_customers customers.csv >/dev/null
"$bg" segment customers.csv --as-of 2024-04-05 -o segments >/dev/null
for f in out/proposal.pdf out/summary.pdf out/budget.xlsx out/proposal.pptx out/results.json \
         tracking/tracking.pdf retro/retro.xlsx retro/retro.pdf segments/segments.pdf; do
  test -s "$f" || { echo "wheel check: $f is missing" >&2; exit 1; }
done
# the web app from the wheel: its pages (templates/web) and vendored static files are inside
port="$("$work/venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$bg" serve --port "$port" --data "$work/serve-data" >/dev/null &
serve=$!
"$work/venv/bin/python" - "$port" <<'PY' || { echo "wheel check: the web app did not serve its pages" >&2; kill "$serve"; exit 1; }
import sys, time, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
for _ in range(150):
    try:
        urllib.request.urlopen(base + "/api/health", timeout=1)
        break
    except OSError:
        time.sleep(0.1)
assert b"htmx-2.0.11.min.js" in urllib.request.urlopen(base + "/").read()
for name in ("htmx-2.0.11.min.js", "app.css", "favicon.svg"):
    assert urllib.request.urlopen(f"{base}/static/{name}").status == 200, name
PY
kill -TERM "$serve"; wait "$serve"
pages="$(pdfinfo out/proposal.pdf | awk '/^Pages:/ {print $2}')"
test "$pages" = 18 || { echo "wheel check: proposal.pdf has $pages pages, not 18" >&2; exit 1; }
echo "wheel check: the installed wheel built every output from $work (proposal: $pages pages)"
