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

echo "== overhead per trial, trivial command, 1 worker, $TRIALS trials"
start=$(now)
"$CLI" sweep --space "$WORK/space.json" --command 'echo "{\"a\": {x}, \"b\": {y}}"' --objectives a,b \
  --budget "$TRIALS" --workers 1 --algorithm random --algorithm-params '{"pop_size": 100}' \
  --out "$WORK/overhead" > /dev/null
end=$(now)
start_sh=$(now)
i=0
while [ $i -lt "$TRIALS" ]; do /bin/sh -c 'echo "{\"a\": 0.5, \"b\": 0.5}"' > /dev/null; i=$((i + 1)); done
end_sh=$(now)
awk -v s="$start" -v e="$end" -v s2="$start_sh" -v e2="$end_sh" -v n="$TRIALS" 'BEGIN {
  sweep = (e - s) / n * 1000; shell = (e2 - s2) / n * 1000
  printf "sweep: %.3f ms/trial   bare sh -c: %.3f ms/trial   paretokit adds: %.3f ms/trial\n", sweep, shell, sweep - shell }'

for pop in 20 100; do
  echo "== utilization, 4 workers, sleep 0.02..0.2 s, NSGA-II pop_size $pop, 400 trials"
  "$CLI" sweep --space "$WORK/space.json" --command 'sleep {d}; echo "{\"a\": {x}, \"b\": {y}}"' \
    --objectives a,b --budget 400 --workers 4 --algorithm nsga2 --algorithm-params "{\"pop_size\": $pop}" \
    --out "$WORK/util$pop" > /dev/null
  python3 -c "import json,sys; e=json.load(open(sys.argv[1]))['evaluator']; \
print('utilization %.3f  (busy %.2f s, span %.2f s, %d workers)' % (e['utilization'], e['busy_seconds'], e['span_seconds'], e['workers']))" \
    "$WORK/util$pop/summary.json"
done
