#!/bin/sh
# A cheap synthetic trial program with injected failures, for
# optuna_side_by_side.py (POSIX sh + awk): ZDT1 on six variables x1..x6 in
# [0, 1] (PARETOKIT_PARAM_X1, ...), printed as the last JSON line of stdout.
#   - it sleeps 0.03 + 0.12 x3 s first (trial durations vary 5x);
#   - crashes (exit 3, with a message) when 0.6 < x1 < 0.7;
#   - hangs (sleeps 30 s: the benchmark's timeout kills it) when x2 > 0.9.
x1=${PARETOKIT_PARAM_X1:?} x2=${PARETOKIT_PARAM_X2:?} x3=${PARETOKIT_PARAM_X3:?}
x4=${PARETOKIT_PARAM_X4:?} x5=${PARETOKIT_PARAM_X5:?} x6=${PARETOKIT_PARAM_X6:?}
sleep "$(awk -v x="$x3" 'BEGIN { printf "%.3f", 0.03 + 0.12 * x }')"
if awk -v x="$x2" 'BEGIN { exit !(x > 0.9) }'; then sleep 30; fi
if awk -v x="$x1" 'BEGIN { exit !(x > 0.6 && x < 0.7) }'; then
  echo "zdt1_faulty: x1 = $x1 is in the crashing band (0.6, 0.7)" >&2
  exit 3
fi
awk -v a="$x1" -v b="$x2" -v c="$x3" -v d="$x4" -v e="$x5" -v f="$x6" 'BEGIN {
  g = 1 + 9 * (b + c + d + e + f) / 5
  printf "{\"f1\": %.17g, \"f2\": %.17g}\n", a, g * (1 - sqrt(a / g))
}'
