# Step lines for the start and setup scripts (sourced, not run): "mesa: <what>" when a step
# starts and "mesa: <result> (<time>)" when it ends, so a long first install never looks stuck.

say() { printf 'mesa: %s\n' "$*"; }

# Starts a step: prints what it does and notes the time.
step() {
  MESA_STEP_STARTED=$SECONDS
  say "$1…"
}

# Ends the step started last: prints its result and how long it took.
step_done() {
  local took=$((SECONDS - ${MESA_STEP_STARTED:-$SECONDS}))
  if [ "$took" -ge 60 ]; then
    say "$1 ($((took / 60)) min $((took % 60)) s)"
  else
    say "$1 (${took} s)"
  fi
}
