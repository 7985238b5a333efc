#!/usr/bin/env bash
# otter against Taskwarrior on the same actions: "the open actions of one owner, by due date".
#
# For each demo database (a fresh school, and the large one when OTTER_BENCH_LARGE names its
# data directory; an empty value means none) this exports every action with
# `otter actions --json`, turns them into Taskwarrior tasks (description, due, status, end,
# and the owner and pupil as UDAs), imports them with `task import` into a throwaway TASKDATA
# with a fresh TASKRC, and then times with hyperfine, whole process each:
#
#   otter actions --open --owner FIRSTNAME
#   task owner.is:'FULL NAME' status:pending otter      (a report: due, owner, pupil, description, by due)
#
# The owner is the member with the most open actions. It prints the medians, otter's time as a
# share of Taskwarrior's, the same for the CPU time (user + system), and the peak RSS of one
# run of each (/usr/bin/time -f %M).
#
# Needs: taskwarrior (apt-get install taskwarrior), hyperfine, python3, GNU time.
# Usage: benches/taskwarrior.sh [path/to/otter]   (default target/release/otter)

set -euo pipefail

OTTER=${1:-target/release/otter}
OTTER=$(realpath "$OTTER")
export OTTER_TODAY=${OTTER_TODAY:-2026-11-23}
RUNS=${RUNS:-30}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

for tool in task hyperfine python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

# Every action as a Taskwarrior task; prints "FIRSTNAME<TAB>FULL NAME" of the busiest owner.
to_tasks() {
    python3 - "$1" "$2" <<'PY'
import collections, datetime, json, sys, uuid

rows = json.load(open(sys.argv[1]))
def stamp(day):
    return day.replace("-", "") + "T000000Z"
status = {"open": "pending", "done": "completed", "dropped": "deleted"}
tasks = []
for row in rows:
    task = {
        # Stable uuids: the same demo gives the same tasks.
        "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, "otter-action-%d" % row["id"])),
        "description": row["text"],
        "status": status[row["status"]],
        "entry": stamp(row["due"]),
        "due": stamp(row["due"]),
        "owner": row["owner"],
        "pupil": row["pupil"],
    }
    if row["status"] != "open":
        task["end"] = stamp(row["on"])
    tasks.append(task)
with open(sys.argv[2], "w") as out:
    for task in tasks:
        out.write(json.dumps(task, ensure_ascii=False) + "\n")
busiest = collections.Counter(r["owner"] for r in rows if r["status"] == "open").most_common(1)[0][0]
print(busiest.split()[0] + "\t" + busiest)
PY
}

# Wall medians, then CPU (user + system, hyperfine's means) of each command, in ms. On a
# shared, loaded machine the wall time counts waiting for a core; the CPU time does not.
median_ms() {
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(" ".join(["%.1f" % (x["median"]*1000) for x in r] + ["%.1f" % ((x["user"] + x["system"])*1000) for x in r]))' "$1"
}

compare() {
    local label=$1 dir=$2
    local taskdata="$WORK/$label/taskdata" taskrc="$WORK/$label/taskrc"
    mkdir -p "$taskdata"
    cat >"$taskrc" <<RC
data.location=$taskdata
confirmation=off
verbose=nothing
hooks=off
color=off
detection=off
defaultwidth=160
uda.owner.type=string
uda.owner.label=Owner
uda.pupil.type=string
uda.pupil.label=Pupil
report.otter.columns=due,owner,pupil,description
report.otter.labels=Due,Owner,Pupil,Description
report.otter.sort=due+
report.otter.filter=status:pending
RC
    export TASKRC=$taskrc TASKDATA=$taskdata

    "$OTTER" --data-dir "$dir" actions --json >"$WORK/$label/actions.json"
    local owners first full
    owners=$(to_tasks "$WORK/$label/actions.json" "$WORK/$label/tasks.json")
    first=${owners%%$'\t'*}
    full=${owners#*$'\t'}
    local count
    count=$(wc -l <"$WORK/$label/tasks.json")
    local started=$SECONDS
    task import "$WORK/$label/tasks.json" >/dev/null 2>&1
    echo "$label: $count actions imported into Taskwarrior in $((SECONDS - started)) s; owner $full" >&2

    local otter_cmd="$OTTER --data-dir $dir actions --open --owner $first"
    local task_cmd="task owner.is:'$full' status:pending otter"
    # Both answers must be the same list before their times mean anything.
    local otter_rows task_rows
    otter_rows=$(eval "$otter_cmd" | tail -n +2 | wc -l)
    # verbose=nothing: no header, no rule, no count; one line a task.
    task_rows=$(eval "$task_cmd" | grep -c . || true)
    echo "$label: otter lists $otter_rows, Taskwarrior $task_rows open actions of $full" >&2

    hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$WORK/$label/times.json" \
        "$otter_cmd" "$task_cmd" >/dev/null 2>&1
    local otter_ms task_ms otter_cpu task_cpu
    read -r otter_ms task_ms otter_cpu task_cpu < <(median_ms "$WORK/$label/times.json")
    local otter_kb task_kb
    otter_kb=$( { /usr/bin/time -f %M bash -c "$otter_cmd >/dev/null"; } 2>&1 | tail -1)
    task_kb=$( { /usr/bin/time -f %M bash -c "$task_cmd >/dev/null"; } 2>&1 | tail -1)
    python3 -c '
import sys
label, count, o, t, oc, tc, okb, tkb = sys.argv[1:]
o, t, oc, tc = float(o), float(t), float(oc), float(tc)
print("%-6s %7s actions  otter %7.1f ms  taskwarrior %7.1f ms  ratio %.3f (1/%.1f)  CPU otter %.1f ms, taskwarrior %.1f ms, ratio %.3f  RSS otter %d MB, taskwarrior %d MB"
      % (label, count, o, t, o / t, t / o, oc, tc, oc / tc, int(okb) // 1024, int(tkb) // 1024))
' "$label" "$count" "$otter_ms" "$task_ms" "$otter_cpu" "$task_cpu" "$otter_kb" "$task_kb"
}

mkdir -p "$WORK/school"
"$OTTER" --data-dir "$WORK/school/db" demo >/dev/null 2>&1
compare school "$WORK/school/db"
if [ -n "${OTTER_BENCH_LARGE:-}" ]; then
    mkdir -p "$WORK/large"
    compare large "$OTTER_BENCH_LARGE"
fi
