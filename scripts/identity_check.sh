#!/bin/bash
# usage: scripts/identity_check.sh OLD_PARETOKIT NEW_PARETOKIT OUTDIR
# Same seeds, same results: compares trials.jsonl/front.txt/front.json of 10 sweeps
# and a small bench (report.json and carps logs without time fields) between two
# builds. Prints IDENTICAL or the files that differ.
set -u
OLD=$1; NEW=$2; OUT=$3
rm -rf "$OUT"; mkdir -p "$OUT"
S="$(cd "$(dirname "$0")/.." && pwd)/benchmarks_suite/suites/carps-mo.json"
python3 -c "
import json;s=json.load(open('$S'));s['tasks']=s['tasks'][:4];s['name']='small';json.dump(s,open('$OUT/small.json','w'),indent=1)"
sweeps=(
"zdt1 nsga2 40 3"
"dtlz2 nsga3 40 3"
"dtlz2 moead 40 3"
"dtlz1 moead-tensor 30 2"
"dtlz1 hype 30 3"
"re21 smsemoa 200 3"
"zdt2 random 20 3"
"c2dtlz2 nsga2 30 5"
"c3dtlz1 moead 30 5"
"wfg4 nsga3 30 1"
)
fail=0
for s in "${sweeps[@]}"; do
  set -- $s; p=$1; a=$2; g=$3; seed=$4; extra=()
  if [ "$a" = moead-tensor ]; then a=moead; extra=(--algorithm-params '{"mode":"tensor"}'); fi
  [ "$p" = wfg4 ] && extra+=(--threads 1)
  for v in old new; do
    bin=$OLD; [ $v = new ] && bin=$NEW
    $bin sweep --problem $p --algorithm $a --generations $g --seed $seed "${extra[@]}" --out $OUT/$v/$p-$a >/dev/null 2>$OUT/$v-$p-$a.err || echo "RUN FAIL $v $p $a"
  done
  for f in trials.jsonl front.txt front.json; do
    cmp -s $OUT/old/$p-$a/$f $OUT/new/$p-$a/$f || { echo "DIFF $p $a $f"; fail=1; }
  done
done
for v in old new; do
  bin=$OLD; [ $v = new ] && bin=$NEW
  $bin bench --suite $OUT/small.json --optimizers nsga2,random,moead --seeds 1-2 --out $OUT/bench-$v >/dev/null 2>&1 || echo "BENCH FAIL $v"
done
python3 - "$OUT" <<'PY' || fail=1
import json,sys,os
out=sys.argv[1]
T={'time','starttime','endtime','seconds','wall_seconds','cpu_seconds','duration','started','finished','elapsed_seconds','date','created'}
def strip(o):
    if isinstance(o,dict): return {k:strip(v) for k,v in o.items() if k not in T and not k.endswith('_seconds') and not k.endswith('time')}
    if isinstance(o,list): return [strip(v) for v in o]
    return o
a=strip(json.load(open(out+'/bench-old/report.json'))); b=strip(json.load(open(out+'/bench-new/report.json')))
bad=0
if a!=b: print('DIFF report.json'); bad=1
n=0
for root,_,files in os.walk(out+'/bench-old'):
    for f in files:
        if not f.endswith('.jsonl'): continue
        p=os.path.join(root,f); q=p.replace('bench-old','bench-new',1)
        la=[strip(json.loads(l)) for l in open(p)]; lb=[strip(json.loads(l)) for l in open(q)] if os.path.exists(q) else None
        n+=1
        if la!=lb: print('DIFF',p); bad=1
print('bench logs compared:',n)
sys.exit(bad)
PY
[ $fail = 0 ] && echo "IDENTICAL" || echo "DIFFERENCES"
