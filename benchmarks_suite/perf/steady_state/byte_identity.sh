#!/bin/sh
# Byte-identity of the synchronous paths: the same sweeps with an old and a
# new build, trials.jsonl / front.txt / front.json compared with cmp.
#   benchmarks_suite/perf/steady_state/byte_identity.sh OLD_CLI NEW_CLI
# (steady-state runs depend on timing by design and are not compared; the
# synchronous paths must not change).
set -u
old=${1:?old cli}; new=${2:?new cli}
root=$(cd "$(dirname "$0")/../../.." && pwd)
tmp=$(mktemp -d)
status=0
# NEW_FLAGS: extra flags for the new build only (e.g. --synchronous).
run_both() {
  name=$1; shift
  "$old" sweep "$@" --out "$tmp/old-$name" > /dev/null 2>&1 || { echo "$name: old failed"; status=1; }
  "$new" sweep "$@" ${NEW_FLAGS:-} --out "$tmp/new-$name" > /dev/null 2>&1 || { echo "$name: new failed"; status=1; }
  for f in trials.jsonl front.txt front.json; do
    if cmp -s "$tmp/old-$name/$f" "$tmp/new-$name/$f"; then echo "$name $f identical"; else echo "$name $f DIFFERS"; status=1; fi
  done
}
run_both zdt1-nsga2 --problem zdt1 --algorithm nsga2 --generations 40 --seed 3
run_both dtlz2-moead --problem dtlz2 --algorithm moead --generations 40 --seed 3
run_both re21-smsemoa --problem re21 --algorithm smsemoa --generations 200 --seed 3
run_both zdt2-random --problem zdt2 --algorithm random --generations 20 --seed 3
run_both toy-command --space "$root/data/examples/toy/space.json" --command "sh $root/data/examples/toy/evaluate.sh" \
  --objectives f1,f2:max --constraints 'cost<=8' --budget 40 --workers 1 --seed 3
run_both toy-command-smsemoa --space "$root/data/examples/toy/space.json" --command "sh $root/data/examples/toy/evaluate.sh" \
  --objectives f1,f2 --budget 30 --workers 1 --seed 3 --algorithm smsemoa
# Several workers, whole batches: NSGA-II always; SMS-EMOA with --synchronous.
run_both toy-command-nsga2-4w --space "$root/data/examples/toy/space.json" --command "sh $root/data/examples/toy/evaluate.sh" \
  --objectives f1,f2 --budget 40 --workers 4 --seed 3
NEW_FLAGS=--synchronous run_both toy-command-smsemoa-4w-sync --space "$root/data/examples/toy/space.json" \
  --command "sh $root/data/examples/toy/evaluate.sh" --objectives f1,f2 --budget 30 --workers 4 --seed 3 --algorithm smsemoa
rm -rf "$tmp"
exit $status
