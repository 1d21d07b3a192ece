#!/usr/bin/env bash
# Runs a command (e.g. `npm test`), then fails, listing them, if processes of this clone that
# appeared meanwhile are still running: anything whose working directory or command line is inside
# the clone (a test's child or grandchild, a sandbox, a web server). Processes that were already
# running before the command (this script, its callers, a `| tee`) do not count.
#   scripts/leftover-processes.sh <command…>
#   LEFTOVER_DIR: the directory (default: the clone) · LEFTOVER_GRACE_S: seconds to let them exit (10)
set -uo pipefail
here=$PWD
root=$(cd "${LEFTOVER_DIR:-$(dirname "$0")/..}" && pwd -P)
grace=${LEFTOVER_GRACE_S:-10}

# Fills FOUND with "pid start-time|description" per process inside $root. Builtins only: a helper
# process forked here would have its cwd in the clone and list itself.
scan() {
  FOUND=()
  local dir pid stat fields parts cmd cwd
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [ "$pid" = $$ ] && continue
    read -r stat 2>/dev/null <"$dir/stat" || continue
    read -r -a fields <<<"${stat##*) }" # after "(comm)": state ppid …; start time is the 20th
    mapfile -d '' parts 2>/dev/null <"$dir/cmdline" || continue
    [ ${#parts[@]} -gt 0 ] || continue # kernel threads, zombies
    cmd="${parts[*]}"
    cwd=""
    if cd -P "$dir/cwd" 2>/dev/null; then cwd=$PWD; fi
    if [[ "$cwd" == "$root" || "$cwd" == "$root/"* || " $cmd" == *[\ =]"$root/"* || " $cmd " == *" $root "* ]]; then
      FOUND+=("$pid ${fields[19]}|$cmd (cwd $cwd)")
    fi
  done
  cd "$here" || exit 2
}

declare -A before=()
scan
for entry in "${FOUND[@]}"; do before["${entry%%|*}"]=1; done

status=0
"$@" || status=$?

leftovers=()
for ((i = 0; i <= grace; i++)); do
  ((i > 0)) && sleep 1
  scan
  leftovers=()
  for entry in "${FOUND[@]}"; do [ -n "${before["${entry%%|*}"]:-}" ] || leftovers+=("  pid ${entry%% *}: ${entry#*|}"); done
  [ ${#leftovers[@]} -eq 0 ] && break
done
if [ ${#leftovers[@]} -gt 0 ]; then
  echo "Processes of $root are still running after \`$*\`:" >&2
  printf '%s\n' "${leftovers[@]}" >&2
  exit 1
fi
echo "No process of $root is left running after \`$*\`."
exit "$status"
