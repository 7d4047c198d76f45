#!/usr/bin/env bash
# scale-out.sh: one ingest, two workers sharing the load over NATS, one worker killed and the
# other carrying on — all as separate processes. Needs nats-server and the .NET SDK on PATH.
#   scripts/demo/scale-out.sh            # builds streambot, then runs the demonstration
#   STREAMBOT="streambot" scripts/demo/scale-out.sh   # uses an installed tool instead
# See docs/scale-out.md.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
if [[ -z "${STREAMBOT:-}" ]]; then
  dotnet build "$repo/src/ChatBotKit.Cli" -v quiet -nologo >/dev/null
  STREAMBOT="dotnet $repo/src/ChatBotKit.Cli/bin/Debug/net10.0/streambot.dll"
fi

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

wait_for() { # wait_for <seconds> <command...>
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    if ((SECONDS > deadline)); then echo "timed out waiting for: $*" >&2; exit 1; fi
    sleep 0.2
  done
}

port="$(free_port)"
nats-server -a 127.0.0.1 -p "$port" >"$work/nats.log" 2>&1 &
pids+=($!)
wait_for 30 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null
export NATS_URL="nats://127.0.0.1:$port"
echo "== nats-server on $NATS_URL"

# The ingest reads viewer lines from a FIFO (kept open, so it runs until we stop it) and writes
# the workers' replies to replies.txt.
mkfifo "$work/chat"
$STREAMBOT ingest --channel lounge <"$work/chat" >"$work/replies.txt" 2>"$work/ingest.log" &
pids+=($!)
exec 3>"$work/chat"

WORKER_NAME=A $STREAMBOT run "$here/worker.csx" --no-watch --http off >"$work/A.out" 2>"$work/A.log" &
worker_a=$!; pids+=("$worker_a")
WORKER_NAME=B $STREAMBOT run "$here/worker.csx" --no-watch --http off >"$work/B.out" 2>"$work/B.log" &
worker_b=$!; pids+=("$worker_b")
echo "== ingest pid ${pids[1]}, worker A pid $worker_a, worker B pid $worker_b"

# Ready when both workers have answered a warm-up message (events published before a worker
# subscribed reach nobody: core NATS is at-most-once).
answered_by() { grep -q "^bot: $1 w" "$work/replies.txt"; }
n=0
warm_up() {
  n=$((n + 1)); echo "warmup: !who w$n" >&3
  answered_by A && answered_by B
}
wait_for 120 warm_up

# Replies to the numbered messages <from>..<to>, one per line: "bot: A 7".
replies() { grep -E "^bot: [AB] [0-9]+$" "$work/replies.txt" | awk -v from="$1" -v to="$2" '$3 >= from && $3 <= to'; }
phase() { # phase <from> <to>: sends the messages and waits until every one is answered
  for i in $(seq "$1" "$2"); do echo "viewer$i: !who $i" >&3; done
  wait_for 60 bash -c "[[ \$(grep -E '^bot: [AB] [0-9]+$' '$work/replies.txt' | awk '\$3 >= $1 && \$3 <= $2' | wc -l) -ge $(($2 - $1 + 1)) ]]"
  replies "$1" "$2" | sort -k3 -n | awk '{print "#" $3 "→" $2}' | paste -sd' ' | fold -s -w 100
  echo "   A answered $(replies "$1" "$2" | grep -c ' A ' || true), B answered $(replies "$1" "$2" | grep -c ' B ' || true), of $(($2 - $1 + 1))"
}

echo "== phase 1: messages 1-20, both workers running"
phase 1 20

echo "== killing worker A (kill -9 $worker_a)"
kill -9 "$worker_a"; wait "$worker_a" 2>/dev/null || true
sleep 1 # nats-server drops A's queue subscription once it sees the closed socket

echo "== phase 2: messages 21-40, only worker B left"
phase 21 40
if replies 21 40 | grep -q ' A '; then echo "unexpected: the killed worker answered" >&2; exit 1; fi
echo "== done: worker B carried on alone; every message was answered"
