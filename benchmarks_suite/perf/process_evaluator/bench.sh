#!/bin/sh
# The external-process evaluator's cost and worker utilization
# (paretokit sweep --command; issue 12's targets: < 2 ms per trial with a
# trivial command, >= 90% utilization with 4 workers on trials whose
# durations vary 10x).
#
#   benchmarks_suite/perf/process_evaluator/bench.sh [PARETOKIT] [TRIALS]
#
# 1. overhead: TRIALS trials of a trivial command (the shell's builtin echo
#    printing the result) on 1 worker. Per trial: the sweep's wall time /
#    TRIALS, next to the bare cost of starting `/bin/sh -c` TRIALS times from
#    a shell loop (the floor any fork/exec evaluator pays); the difference is
#    what paretokit adds (trial folder, config.json, outcome.json, parsing,
#    the algorithm, trials.jsonl).
# 2. utilization: `sleep D` trials with D uniform in [0.02, 0.2] s (10x) on 4
#    workers, generational batches (NSGA-II) of 20 and 100; utilization is
#    busy time / (4 x the span from the first trial's start to the last's
#    end), from summary.json.
# 3. steady state: the same 4 workers on trials of 20..200 ms (10 steps,
#    from the trial number, so every algorithm meets the same spread) with
#    population 4 (one trial per worker: the worst case for whole batches),
#    for SMS-EMOA, MOEA/D and random search, steady-state (the default) and
#    --synchronous side by side in one run, and NSGA-II (whole batches).
#
# SECTIONS="overhead utilization steady" (default: all) picks sections.
set -eu
CLI=${1:-build/apps/paretokit}
TRIALS=${2:-2000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
now() { date +%s.%N; }

cat > "$WORK/space.json" <<'JSON'
{"variables": [{"name": "x", "type": "real", "lower": 0, "upper": 1},
               {"name": "y", "type": "real", "lower": 0, "upper": 1},
               {"name": "d", "type": "real", "lower": 0.02, "upper": 0.2}]}
JSON

SECTIONS=${SECTIONS:-overhead utilization steady}
case " $SECTIONS " in *" overhead "*)
echo "== overhead per trial, trivial command, 1 worker, $TRIALS trials"
uptime
# Wall time per trial, and CPU time (user + system, children included, from
# /usr/bin/time): on a loaded machine the wall time mostly measures the
# queue for a core, the CPU time what each trial costs.
start=$(now)
/usr/bin/time -f "%U %S" -o "$WORK/cpu-sweep" \
  "$CLI" sweep --space "$WORK/space.json" --command 'echo "{\"a\": {x}, \"b\": {y}}"' --objectives a,b \
  --budget "$TRIALS" --workers 1 --algorithm random --algorithm-params '{"pop_size": 100}' \
  --out "$WORK/overhead" > /dev/null
end=$(now)
start_sh=$(now)
/usr/bin/time -f "%U %S" -o "$WORK/cpu-sh" sh -c '
i=0
while [ $i -lt "$1" ]; do /bin/sh -c '"'"'echo "{\"a\": 0.5, \"b\": 0.5}"'"'"' > /dev/null; i=$((i + 1)); done' sh "$TRIALS"
end_sh=$(now)
awk -v s="$start" -v e="$end" -v s2="$start_sh" -v e2="$end_sh" -v n="$TRIALS" \
  -v c="$(cat "$WORK/cpu-sweep")" -v c2="$(cat "$WORK/cpu-sh")" 'BEGIN {
  sweep = (e - s) / n * 1000; shell = (e2 - s2) / n * 1000
  split(c, a, " "); split(c2, b, " "); cpu = (a[1] + a[2]) / n * 1000; cpu_sh = (b[1] + b[2]) / n * 1000
  printf "wall: sweep %.3f ms/trial, bare sh -c %.3f ms/trial, paretokit adds %.3f ms/trial\n", sweep, shell, sweep - shell
  printf "cpu:  sweep %.3f ms/trial, bare sh -c %.3f ms/trial, paretokit adds %.3f ms/trial\n", cpu, cpu_sh, cpu - cpu_sh }'
;; esac

utilization() {
  python3 -c "import json,sys; e=json.load(open(sys.argv[1]))['evaluator']; \
print('%-28s utilization %.3f  (busy %.2f s, span %.2f s, %d workers)' % (sys.argv[2], e['utilization'], e['busy_seconds'], e['span_seconds'], e['workers']))" \
    "$1" "$2"
}

case " $SECTIONS " in *" utilization "*)
for pop in 20 100; do
  echo "== utilization, 4 workers, sleep 0.02..0.2 s, NSGA-II pop_size $pop, 400 trials"
  "$CLI" sweep --space "$WORK/space.json" --command 'sleep {d}; echo "{\"a\": {x}, \"b\": {y}}"' \
    --objectives a,b --budget 400 --workers 4 --algorithm nsga2 --algorithm-params "{\"pop_size\": $pop}" \
    --out "$WORK/util$pop" > /dev/null
  python3 -c "import json,sys; e=json.load(open(sys.argv[1]))['evaluator']; \
print('utilization %.3f  (busy %.2f s, span %.2f s, %d workers)' % (e['utilization'], e['busy_seconds'], e['span_seconds'], e['workers']))" \
    "$WORK/util$pop/summary.json"
done
;; esac

case " $SECTIONS " in *" steady "*)
STEADY_TRIALS=${STEADY_TRIALS:-200}
echo "== steady state, 4 workers, trials of 20..200 ms by trial number, population 4, $STEADY_TRIALS trials"
uptime
# Trial t sleeps 20 ms x (1 + (7919 t mod 10)).
slow='ms=$(( ((({trial} * 7919) % 10) + 1) * 20 )); sleep 0.$(printf %03d $ms); echo "{\"a\": {x}, \"b\": {y}}"'
for algorithm in smsemoa moead random nsga2; do
  case $algorithm in moead) params='{"pop_size": 4, "n_neighbors": 3}' ;; *) params='{"pop_size": 4}' ;; esac
  for mode in steady synchronous; do
    [ $algorithm = nsga2 ] && [ $mode = steady ] && continue  # generational: whole batches only
    flag=""; [ $mode = synchronous ] && flag="--synchronous"
    "$CLI" sweep --space "$WORK/space.json" --command "$slow" --objectives a,b --budget "$STEADY_TRIALS" \
      --workers 4 --algorithm $algorithm --algorithm-params "$params" $flag --out "$WORK/$algorithm-$mode" > /dev/null
    utilization "$WORK/$algorithm-$mode/summary.json" "$algorithm $mode"
  done
done
uptime
;; esac
