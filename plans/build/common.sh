# Shared by the sample-plan build scripts: sourced, not run. Each script builds its plan with
# dplan commands only, in a scratch folder, on a fixed clock (DPLAN_NOW) and author (DPLAN_USER),
# then copies the result to plans/ (or to the file given as the first argument).
#   DPLAN=.build/debug/dplan plans/build/NAME.sh [OUT]
set -eu
: "${DPLAN:=dplan}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
plan="$work/plan.json"

# at TIME: the clock for the commands that follow (YYYY-MM-DDTHH:MM:SSZ).
at() { DPLAN_NOW="$1"; export DPLAN_NOW; }
# by NAME: who makes the changes that follow.
by() { DPLAN_USER="$1"; export DPLAN_USER; }
# d ARGS…: one dplan command on the plan being built; its messages are not needed.
d() { "$DPLAN" "$@" > /dev/null; }
# finish OUT: validate and copy the plan to OUT.
finish() {
    "$DPLAN" validate "$plan" > /dev/null
    cp "$plan" "$1"
}
