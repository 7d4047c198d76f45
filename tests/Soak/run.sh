#!/usr/bin/env bash
# The soak harness: `streambot run tests/Soak/soak.csx` replays a generated chat at 100 messages a
# second over 20 channels at real pace for MINUTES (default 30), while the script is reloaded every
# minute (a save on even minutes, SIGHUP on odd ones). It samples the process's resident memory
# every 10 s and passes when, after WARMUP minutes (default 10), every sample is within ±5 % of
# their median, and the bot kept answering through every reload. The warm-up covers the first five
# compiling reloads (only saves compile; a SIGHUP of an unchanged script hits the compile cache):
# until then each compile JIT-compiles more of Roslyn and RSS climbs by 5–10 MB a step, then it
# levels off (docs/benchmarks.md, "Resident memory across reloads"). Not under nohup: streambot
# then ignores SIGHUP.
#   tests/Soak/run.sh [MINUTES] [WARMUP]
# With SOAK_HTTP_PORT set, streambot serves /metrics on 127.0.0.1:PORT and every sample also keeps
# the System.Runtime memory and JIT figures in metrics.tsv (GC heap, committed, JIT, full GCs) and the
# resident memory by kind from /proc/PID/smaps; smaps/N keeps the whole map at minute N, to find which mapping grew.
set -euo pipefail
minutes=${1:-30}
warmup=${2:-10}
rate=100
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/streambot-soak-XXXXXX)
trap 'kill "$pid" 2>/dev/null || true' EXIT

dotnet build "$repo/src/ChatBotKit.Cli/ChatBotKit.Cli.csproj" -c Release -o "$work/bin" -v quiet -nologo >/dev/null
cp "$repo/tests/Soak/soak.csx" "$work/soak.csx"

# One line per 10 ms for the whole run plus a minute: chat, mentions and !dice from 2,000 viewers.
total=$(( (minutes + 1) * 60 * rate ))
awk -v total="$total" 'BEGIN {
  srand(42);
  for (i = 0; i < total; i++) {
    t = 1767297600 + i / 100; s = int(t); ms = int((t - s) * 1000 + 0.5);
    if (ms == 1000) { s++; ms = 0 }
    kind = i % 10;
    text = kind == 0 ? "@kit how is the run going? number " i : kind == 5 ? "!dice" : "gg that was close " i;
    printf "{\"ts\":\"%s.%03dZ\",\"platform\":\"twitch\",\"channel\":\"ch%d\",\"user\":\"viewer%d\",\"text\":\"%s\",\"id\":\"m%d\"}\n",
      strftime("%Y-%m-%dT%H:%M:%S", s, 1), ms, i % 20, int(rand() * 2000), text, i;
  }
}' > "$work/chat.jsonl"

cd "$work"
http=${SOAK_HTTP_PORT:+127.0.0.1:$SOAK_HTTP_PORT}
SOAK_LOG="$work/chat.jsonl" dotnet bin/streambot.dll run soak.csx --http "${http:-off}" >replies.jsonl 2>stderr.log &
pid=$!
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$pid/status"; }
echo "soak: pid $pid, $minutes min at $rate msg/s, reload every minute, warm-up $warmup min, work folder $work"
: >rss.tsv
hangups=0
metrics() {
  { curl -s "http://$http/metrics" || true; } | awk -v second="$1" '
    /^dotnet_gc_heap_total_allocated_bytes_total / { alloc = $2 }
    /^dotnet_gc_last_collection_memory_committed_size_bytes / { committed = $2 }
    /^dotnet_gc_last_collection_heap_size_bytes/ { heap += $2 }
    /^dotnet_jit_compiled_il_size_bytes_total / { il = $2 }
    /^dotnet_jit_compiled_methods_total / { methods = $2 }
    /^dotnet_gc_collections_total\{gc_heap_generation="gen2"\}/ { gen2 = $2 }
    END { printf "%d\t%.0f\t%.0f\t%.0f\t%d\t%.0f\t%d\t", second, heap / 1024, committed / 1024, il / 1024, methods, alloc / 1048576, gen2 }'
  # Resident memory by kind: executable (the runtime's JIT code and loader heaps), malloc's main heap (brk),
  # other anonymous memory (mmap: GC regions, thread stacks, other malloc arenas), files.
  awk '/^[0-9a-f]+-[0-9a-f]+ / { name = $6 } /^Rss:/ { if (name ~ /doublemapper/) x += $2; else if (name == "[heap]") h += $2; else if (name == "" || name ~ /^\[/) a += $2; else f += $2 }
    END { printf "%d\t%d\t%d\t%d\t", x, h, a, f }' "/proc/$pid/smaps"
  awk '/^Threads:/ { print $2 }' "/proc/$pid/status"
}
[[ -n "$http" ]] && mkdir -p smaps && echo -e "seconds\theap_kb\tcommitted_kb\tjit_il_kb\tjit_methods\tallocated_mb\tgen2_gcs\texec_rss_kb\tbrk_heap_rss_kb\tanon_rss_kb\tfile_rss_kb\tthreads" >metrics.tsv
for (( second = 10; second <= minutes * 60; second += 10 )); do
  sleep 10
  kill -0 "$pid" 2>/dev/null || { echo "soak: streambot exited early"; tail -20 stderr.log; exit 1; }
  echo -e "$second\t$(rss)\t$(wc -l <replies.jsonl)" >>rss.tsv
  [[ -n "$http" ]] && metrics "$second" >>metrics.tsv
  if (( second % 60 == 0 )); then
    generation=$(( second / 60 ))
    [[ -n "$http" ]] && cp "/proc/$pid/smaps" "smaps/$generation"
    if (( generation % 2 == 0 )); then
      sed -i "s|^// generation: .*|// generation: $generation|" soak.csx
    else
      kill -HUP "$pid"
      hangups=$(( hangups + 1 ))
    fi
  fi
done
kill -TERM "$pid"
wait "$pid" || true
trap - EXIT

reloads=$(grep -c "reloaded soak.csx" stderr.log || true)
warm=$(( warmup * 60 ))
replies_first=$(awk -F'\t' -v warm=$warm '$1 > warm { print $3; exit }' rss.tsv)
replies_last=$(tail -1 rss.tsv | cut -f3)
awk -F'\t' -v warm=$warm '$1 > warm { print $2 }' rss.tsv | sort -n | awk \
  -v reloads="$reloads" -v hangups="$hangups" -v minutes="$minutes" -v first="${replies_first:-0}" -v last="${replies_last:-0}" '
  { rss[++n] = $1 }
  END {
    if (n == 0) { print "soak: no samples after the warm-up"; exit 1 }
    median = rss[int((n + 1) / 2)]; low = rss[1]; high = rss[n];
    printf "soak: RSS after warm-up: %d samples, median %.1f MB, low %.1f MB (%+.1f %%), high %.1f MB (%+.1f %%)\n",
      n, median / 1024, low / 1024, (low / median - 1) * 100, high / 1024, (high / median - 1) * 100;
    printf "soak: %d replies in %d min (%d after the warm-up); %d script reloads (%d SIGHUPs sent, the rest saves)\n", last, minutes, last - first, reloads, hangups;
    exit (low >= median * 0.95 && high <= median * 1.05 && last > first && reloads >= minutes - 1) ? 0 : 1;
  }' && echo "soak: passed" || { echo "soak: FAILED (samples in $work/rss.tsv)"; exit 1; }
