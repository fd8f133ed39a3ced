#!/bin/sh
# A dependency-free trial program for `paretokit sweep --command` (POSIX sh
# and awk only), used by the tests and the README:
#
#   paretokit sweep --space data/examples/toy/space.json \
#       --command 'sh data/examples/toy/evaluate.sh' --objectives f1,f2 --budget 40 --out runs/toy
#
# It reads its configuration from the environment (PARETOKIT_PARAM_X, ...;
# the same values are in $PARETOKIT_CONFIG_FILE) and prints its result as
# the last JSON line of stdout: two objectives of Schaffer's problem N.1,
# moved by y and by the categorical mode.
#
# Failure injection for tests (environment):
#   TOY_CRASH_ABOVE=v   exit 1 with a message when x > v
#   TOY_SLEEP=s         sleep s seconds first (TOY_SLEEP_SCALE=k: s + k * |x|)
x=${PARETOKIT_PARAM_X:?no x}
y=${PARETOKIT_PARAM_Y:-0}
mode=${PARETOKIT_PARAM_MODE:-plain}
if [ -n "$TOY_SLEEP" ]; then
  sleep "$(awk -v s="$TOY_SLEEP" -v k="${TOY_SLEEP_SCALE:-0}" -v x="$x" \
    'BEGIN { if (x < 0) x = -x; printf "%.3f", s + k * x }')"
fi
if [ -n "$TOY_CRASH_ABOVE" ] && awk -v x="$x" -v v="$TOY_CRASH_ABOVE" 'BEGIN { exit !(x > v) }'; then
  echo "toy: x = $x is above $TOY_CRASH_ABOVE, giving up" >&2
  exit 1
fi
echo "toy: evaluating x=$x y=$y mode=$mode"
awk -v x="$x" -v y="$y" -v mode="$mode" 'BEGIN {
  shift = (mode == "shifted") ? 0.5 : 0
  printf "{\"f1\": %.17g, \"f2\": %.17g, \"cost\": %d}\n", x * x + y / 10, (x - 2) * (x - 2) + shift, y
}'
