#!/usr/bin/env bash
# `make test-cluster`: the workflow through a real SLURM scheduler, a one-node cluster on this
# machine, with profiles/slurm as a site would use it (docs/cluster.md, "What is tested, and how").
#
#   1. a temporary folder holds everything this makes: munge key, slurm.conf, the daemons' state,
#      pid and log files, the run's input/, output/, logs/ and .snakemake/ (nothing in the repo);
#   2. munged (as the munge user), slurmctld and `slurmd -N localhost` start directly (no systemd),
#      on free ports; the script waits until the node is idle;
#   3. snakemake --profile profiles/slurm converts a few PDFs, one of them bad (a truncated copy
#      of the sample), through sbatch/srun;
#   4. checks: every Snakemake job went to SLURM (its SLURM job id in the log), and SLURM's own
#      record (squeue --states=all, kept by MinJobAge) has each of them COMPLETED; every good
#      document is complete; the bad PDF is rejected (an outcome, not a failed job): no output,
#      its one-line error in the logs, its row in output/rejected.csv, the run's exit status 1;
#      `sha256sum -c` on the outputs; again with allow_rejected=True (exit status 0); and the
#      same bytes as a run without SLURM;
#   5. on the way out, also after a failure or an interrupt: cancel the jobs, stop every daemon it
#      started (by pid), check that they are gone, remove the folder.
#
# Needs root (slurmd starts jobs as their user) and the Debian packages slurmctld, slurmd,
# slurm-client, munge, and snakemake-executor-plugin-slurm in .venv: `make test-cluster` installs
# them. Environment: KEEP_CLUSTER_DIR=1 keeps the temporary folder (its path is printed).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV_BIN="$REPO/.venv/bin"
SAMPLE="$REPO/input/28676-navo-verslag.pdf"
SHARED="$REPO/../shared/corpus"
# Besides the sample: real documents of two other families, when the reference corpus is there.
CORPUS_PDFS=(
  "$SHARED/aanhangsel/ah-tk-20232024-1178.pdf"
  "$SHARED/lijst/lijst-ar-2017-vo-2016-bzk-s2.pdf"
)
BAD=truncated  # input/truncated.pdf: the sample cut short, as an interrupted download leaves it
# Seconds to wait for the node to come up, for the workflow, for the daemons to stop.
NODE_TIMEOUT=60
RUN_TIMEOUT=1200
STOP_TIMEOUT=30

say() { echo "test-cluster: $*"; }
fail() {
  echo "test-cluster: FAILED: $*" >&2
  exit 1
}

[[ $(id -u) == 0 ]] || fail "needs root (slurmd starts the jobs): run it as root or with sudo"
for command in munged mungekey slurmctld slurmd sbatch squeue scontrol sinfo; do
  command -v "$command" >/dev/null || fail "$command is missing: make test-cluster installs it"
done
[[ -x $VENV_BIN/snakemake ]] || fail "$VENV_BIN/snakemake is missing: make test-cluster sets it up"
"$VENV_BIN/python" -c "import snakemake_executor_plugin_slurm" 2>/dev/null ||
  fail "snakemake-executor-plugin-slurm is not in .venv: make test-cluster installs it"

STARTED=$SECONDS
TOP="$(mktemp -d "${TMPDIR:-/tmp}/kamervragen-slurm.XXXXXX")"
# munged runs as the munge user and must reach its folder inside.
chmod 0755 "$TOP"
MUNGE="$TOP/munge"
SLURM="$TOP/slurm"
RUN="$TOP/run"
export SLURM_CONF="$SLURM/slurm.conf"
# The pid files of the daemons this script started, in the order they are stopped.
PID_FILES=("$SLURM/slurmd.pid" "$SLURM/slurmctld.pid" "$MUNGE/munged.pid")
DAEMON_PIDS=()

# Whether process $1 still runs (a zombie, which its new parent has not reaped yet, does not).
alive() {
  local stat
  read -r stat 2>/dev/null <"/proc/$1/stat" && [[ ${stat##*) } != Z* ]]
}

# Whether a process of process group $1 still runs (read from /proc without starting a process).
group_alive() {
  local file stat state group
  for file in /proc/[0-9]*/stat; do
    read -r stat 2>/dev/null <"$file" || continue
    # The fields after the command name: state, parent, process group.
    read -r state _ group _ <<<"${stat##*) }"
    [[ $group == "$1" && $state != Z ]] && return 0
  done
  return 1
}

# The processes that run in the temporary folder or name it on their command line: the jobs'
# processes (their working directory is the run's folder) and the daemons. None may outlive the
# clean-up.
leftovers() {
  local proc
  for proc in /proc/[0-9]*; do
    [[ ${proc#/proc/} == "$$" ]] && continue
    if [[ "$(readlink "$proc/cwd" 2>/dev/null)" == "$TOP"* ]] ||
      tr '\0' ' ' 2>/dev/null <"$proc/cmdline" | grep -qF "$TOP"; then
      echo "${proc#/proc/}"
    fi
  done
}

# The SLURM jobs not yet finished, and whether there are none.
queued_jobs() {
  squeue --noheader --format=%i --states=PENDING,RUNNING,CONFIGURING,COMPLETING 2>/dev/null
}
queue_empty() { [[ -z "$(queued_jobs)" ]]; }

# Waits up to $1 seconds until the command after it succeeds.
wait_for() {
  local timeout=$1
  shift
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

# Cancel what is still queued or running, stop the daemons by pid (TERM, then KILL), check that
# each is gone. Runs on every exit; its own failures are reported, never hidden.
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  set +e
  # snakemake runs under `timeout`, which makes itself a process group: signal the group, so
  # that snakemake never outlives a killed `timeout`. On TERM snakemake waits for its running
  # jobs to finish; after STOP_TIMEOUT it is killed, and its jobs are cancelled below.
  if [[ -n ${SNAKEMAKE_PID:-} ]] && alive "$SNAKEMAKE_PID"; then
    say "stopping snakemake (process group $SNAKEMAKE_PID)"
    kill -TERM -- "-$SNAKEMAKE_PID" 2>/dev/null
    wait_for "$STOP_TIMEOUT" eval '! group_alive "$SNAKEMAKE_PID"'
    kill -KILL -- "-$SNAKEMAKE_PID" 2>/dev/null
    wait "$SNAKEMAKE_PID"
  fi
  if [[ -S $MUNGE/munge.socket && -f $SLURM/slurmctld.pid ]]; then
    local jobs
    jobs="$(queued_jobs)"
    if [[ -n $jobs ]]; then
      say "cancelling SLURM jobs still in the queue: $(echo $jobs)"
      scancel $jobs
      wait_for "$STOP_TIMEOUT" queue_empty
    fi
  fi
  local file pid left=()
  for file in "${PID_FILES[@]}"; do
    [[ -s $file ]] && DAEMON_PIDS+=("$(<"$file")")
  done
  for pid in "${DAEMON_PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null
    wait_for "$STOP_TIMEOUT" eval '! alive "$pid"'
    if alive "$pid"; then
      say "daemon $pid did not stop on TERM; killing it"
      kill -KILL "$pid" 2>/dev/null
      sleep 0.5
    fi
    alive "$pid" && left+=("$pid")
  done
  if ((${#DAEMON_PIDS[@]})); then
    say "stopped the daemons (pids ${DAEMON_PIDS[*]})"
  fi
  # A job's process can escape SLURM's cancel: proctrack/linuxproc follows parent links, and a
  # process whose parent was killed first is re-parented out of the job's tree. After a success
  # there must be none; after a failure or an interrupt they are killed and reported.
  local strays=()
  for pid in $(leftovers); do
    alive "$pid" || continue
    say "killing a process left behind: $pid $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-150)"
    kill -KILL "$pid" 2>/dev/null
    strays+=("$pid")
  done
  if ((${#strays[@]})); then
    sleep 0.5
    for pid in "${strays[@]}"; do
      alive "$pid" && left+=("$pid")
    done
    if ((status == 0)); then
      echo "test-cluster: FAILED: the run left processes behind: ${strays[*]}" >&2
      status=1
    fi
  fi
  if ((status != 0)); then
    for file in "${RUN_LOG:-}" "$SLURM"/log/slurmctld.log "$SLURM"/log/slurmd.log "$MUNGE"/munged.log; do
      [[ -s $file ]] && { echo "--- last lines of $file"; tail -n 30 "$file"; }
    done
  fi
  if ((${#left[@]})); then
    echo "test-cluster: FAILED: processes still running after the clean-up: ${left[*]}" >&2
    status=1
  fi
  if [[ ${KEEP_CLUSTER_DIR:-} == 1 ]]; then
    say "kept $TOP"
  else
    rm -rf "$TOP"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A TCP port on 127.0.0.1 that nothing listens on now, so that a SLURM already running on the
# machine (or another run of this script) is not disturbed.
free_port() {
  "$VENV_BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# --- munge: the key and the daemon, as the munge user ------------------------------------------
mkdir -p "$MUNGE"
mungekey --create --keyfile="$MUNGE/munge.key" --bits=1024
chown -R munge: "$MUNGE"
# The socket folder must let every user through (munged checks it); the key stays 0600.
chmod 0755 "$MUNGE"
runuser -u munge -- munged --key-file="$MUNGE/munge.key" --socket="$MUNGE/munge.socket" \
  --pid-file="$MUNGE/munged.pid" --log-file="$MUNGE/munged.log" --seed-file="$MUNGE/munged.seed"
wait_for 10 test -s "$MUNGE/munged.pid" || fail "munged did not start ($MUNGE/munged.log)"
munge --socket="$MUNGE/munge.socket" --string=ok | unmunge --socket="$MUNGE/munge.socket" >/dev/null ||
  fail "munge does not work: a credential made with the new key does not decode"

# --- slurm.conf ---------------------------------------------------------------------------------
mkdir -p "$SLURM"/{state,spool,log}
# This machine's CPUs and memory as slurmd sees them ("NodeName=… CPUs=2 Boards=1 … RealMemory=…").
hardware="$(slurmd -C | head -n 1 | sed 's/^NodeName=[^ ]* //')"
cat >"$SLURM_CONF" <<EOF
# One-node cluster of tests/cluster/slurm.sh: no cgroups, no accounting database, nothing
# outside $TOP.
ClusterName=kamervragen-test
SlurmctldHost=localhost
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$MUNGE/munge.socket
StateSaveLocation=$SLURM/state
SlurmdSpoolDir=$SLURM/spool
SlurmctldPidFile=$SLURM/slurmctld.pid
SlurmdPidFile=$SLURM/slurmd.pid
SlurmctldLogFile=$SLURM/log/slurmctld.log
SlurmdLogFile=$SLURM/log/slurmd.log
MailProg=/bin/true
# Without cgroups: processes tracked through /proc, no task binding.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
# Cores and memory are the consumable resources, as on most sites.
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
# No slurmdbd: finished jobs stay visible to squeue for a day (the plugin's squeue status
# command needs that), and each one is also written to a completion log.
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$SLURM/log/jobcomp.log
MinJobAge=86400
# The node comes back by itself after slurmd restarts.
ReturnToService=2
NodeName=localhost NodeAddr=127.0.0.1 $hardware State=UNKNOWN
# The partition that profiles/slurm names.
PartitionName=main Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF

# --- slurmctld, slurmd --------------------------------------------------------------------------
slurmctld -f "$SLURM_CONF"
wait_for 10 test -s "$SLURM/slurmctld.pid" || fail "slurmctld did not start"
slurmd -f "$SLURM_CONF" -N localhost
wait_for 10 test -s "$SLURM/slurmd.pid" || fail "slurmd did not start"
node_idle() { [[ "$(sinfo --noheader --nodes=localhost --format=%T 2>/dev/null)" == idle ]]; }
wait_for "$NODE_TIMEOUT" node_idle ||
  fail "the node is not idle after ${NODE_TIMEOUT}s: $(sinfo --noheader --format='%T %E' 2>&1)"
setup_seconds=$((SECONDS - STARTED))
say "one-node cluster up in $setup_seconds s: $(sinfo --noheader --format='%P %D %c CPUs %m MB %T')"

# --- the run ------------------------------------------------------------------------------------
mkdir -p "$RUN/input"
cp "$SAMPLE" "$RUN/input/"
for pdf in "${CORPUS_PDFS[@]}"; do
  if [[ -f $pdf ]]; then
    cp "$pdf" "$RUN/input/"
  else
    say "note: $pdf is absent; running without it"
  fi
done
head -c 3000 "$SAMPLE" >"$RUN/input/$BAD.pdf"
mapfile -t GOOD < <(cd "$RUN/input" && ls -- *.pdf | sed 's/\.pdf$//' | grep -vxF "$BAD")
say "documents: ${GOOD[*]} and the bad $BAD.pdf"

# Inside each SLURM job, snakemake-executor-plugin-slurm-jobstep (0.6.1) starts the job's step with
# `srun` in an environment stripped of every SLURM_* variable, SLURM_CONF included, so srun looks
# for the configuration at the default path (/etc/slurm/slurm.conf), as it finds it on a site's
# nodes. This cluster's configuration lives in $TOP instead: an srun first on PATH points there.
mkdir -p "$TOP/bin"
cat >"$TOP/bin/srun" <<EOF
#!/bin/sh
SLURM_CONF='$SLURM_CONF' exec $(command -v srun) "\$@"
EOF
chmod 0755 "$TOP/bin/srun"

# Runs the workflow through SLURM in $RUN, its output in $TOP/$1.log; sets STATUS and ELAPSED.
# The profile as a site uses it, plus what this cluster needs and what a small run wants:
# - squeue for the job states: there is no accounting database for sacct (MinJobAge keeps the
#   finished jobs in squeue);
# - the first status check after 5 s instead of 40, and 5 s instead of 60 for a job's outputs
#   to appear (the node shares this very filesystem);
# - --cores 1: inside a SLURM job the steps of a document run one after another, so one CPU
#   per job is enough (the workflow profile's `cores: all` would make each job ask for all of
#   this machine's cores, and this one node would run one document at a time);
# - SLURM's job logs kept for the checks below (by default only those of failed jobs stay).
run_slurm() {
  local name=$1
  shift
  run_snakemake "$RUN" "$TOP/$name.log" "$@" --profile "$REPO/profiles/slurm" \
    --slurm-status-command squeue \
    --slurm-init-seconds-before-status-checks 5 \
    --latency-wait 5 \
    --cores 1 \
    --slurm-keep-successful-logs
  say "$name: snakemake exited with $STATUS after $ELAPSED s (log: $TOP/$name.log)"
}

# Runs the workflow in folder $1 (log appended to $2) with the options after them; sets STATUS
# and ELAPSED. In the background, so that a TERM or INT reaches the clean-up at once rather than
# after snakemake ends; the clean-up stops it (SNAKEMAKE_PID), and snakemake cancels its jobs.
# --printshellcmds --quiet host: every job with its wildcards and rule (the workflow profile is
# quiet), which the checks below read from the log.
run_snakemake() {
  local folder=$1 log=$2 started=$SECONDS
  shift 2
  RUN_LOG=$log
  (
    cd "$folder" &&
      PATH="$TOP/bin:$VENV_BIN:$PATH" exec timeout --kill-after="$STOP_TIMEOUT" "$RUN_TIMEOUT" "$VENV_BIN/snakemake" \
        --snakefile "$REPO/Snakefile" --nocolor --printshellcmds --quiet host "$@"
  ) </dev/null >>"$log" 2>&1 &
  SNAKEMAKE_PID=$!
  STATUS=0
  wait "$SNAKEMAKE_PID" || STATUS=$?
  SNAKEMAKE_PID=
  ELAPSED=$((SECONDS - started))
}

# "<SLURM job id> <its log file>" for every job that run's log says was submitted.
submissions() {
  sed -nE 's/^Job .* has been submitted with SLURM jobid ([0-9]+) \(log: (.*)\)\.$/\1 \2/p' "$TOP/$1.log"
}

# The state of a SLURM job as the controller reports it (COMPLETED, FAILED, …).
slurm_state() {
  squeue --noheader --states=all --jobs="$1" --format=%T
}

# Checks that run $1 went through SLURM: at least one submission, no rule but `all` run on this
# machine, and each SLURM job COMPLETED (a rejected PDF is an outcome, not a failed job). Sets JOBS
# (the number of SLURM jobs) and BAD_JOBS (those that name the bad PDF in their log: a document's
# job runs "--target-jobs read_pdf:doc=<name> …").
check_jobs() {
  local id log state
  JOBS=0
  BAD_JOBS=0
  while read -r id log; do
    [[ -f $log ]] || fail "$1: SLURM job $id wrote no log ($log)"
    state="$(slurm_state "$id")"
    [[ $state == COMPLETED ]] || fail "$1: SLURM job $id is $state, expected COMPLETED ($log)"
    grep -qE "doc=$BAD( |$)" "$log" && BAD_JOBS=$((BAD_JOBS + 1))
    JOBS=$((JOBS + 1))
  done < <(submissions "$1")
  ((JOBS > 0)) || fail "$1: no job was submitted to SLURM"
  if grep -E '^localrule ' "$TOP/$1.log" | grep -vq '^localrule all:'; then
    fail "$1: a rule ran outside SLURM: $(grep -E '^localrule ' "$TOP/$1.log" | grep -v '^localrule all:')"
  fi
  say "$1: $JOBS SLURM jobs (id, state, run time):" \
    "$(squeue --noheader --states=all --format='%i %T %M' \
      --jobs="$(submissions "$1" | cut -d' ' -f1 | paste -sd,)" | paste -sd,)"
}

# Every file of a converted document is there, and the manifest, which lists them last.
check_document() {
  local suffix
  for suffix in .layout.json .txt .xml .html .pdf .akn.xml .qa.jsonl .manifest.json; do
    [[ -s $1/output/$2/$2$suffix ]] || fail "$2$suffix is missing in $1/output/$2"
  done
}

# --- run 1: the good documents and the bad one ---------------------------------------------------
run_slurm run-1
run_seconds=$ELAPSED
# 1: something was rejected and config allow_rejected is false (124 or 137: the time limit).
((STATUS == 1)) || fail "run-1: snakemake exited with $STATUS; expected 1, as $BAD.pdf is rejected"
check_jobs run-1
run_jobs=$JOBS
((BAD_JOBS == 1)) || fail "run-1: $BAD_JOBS SLURM jobs for $BAD.pdf; expected 1 (its read step)"
for doc in "${GOOD[@]}"; do
  check_document "$RUN" "$doc"
done
[[ ! -e $RUN/output/$BAD ]] || fail "$BAD.pdf left output behind: $(ls "$RUN/output/$BAD")"
# Its one line, naming the file and saying what is wrong: in the step's log, in SLURM's log of
# the job, and in output/rejected.csv, its only row; the run's last line counts it.
error="$(cat "$RUN/logs/read_pdf/$BAD.log")"
[[ $error == *"$BAD.pdf: truncated PDF"* && $(wc -l <"$RUN/logs/read_pdf/$BAD.log") -le 1 ]] ||
  fail "the log of $BAD.pdf does not hold its one-line error: $error"
mapfile -t job_logs < <(submissions run-1 | cut -d' ' -f2-)
grep -qF "kamervragen: $BAD.pdf: truncated PDF" "${job_logs[@]}" ||
  fail "no SLURM job log shows the error of $BAD.pdf"
rejected="$(tail -n +2 "$RUN/output/rejected.csv")"
[[ $(wc -l <<<"$rejected") == 1 && $rejected == "$BAD.pdf,"*",3,"*"truncated PDF"* ]] ||
  fail "output/rejected.csv does not list exactly $BAD.pdf (exit code 3, truncated PDF): $rejected"
grep -qE "^kamervragen: ${#GOOD[@]} converted \(.*\), 1 rejected: see output/rejected.csv$" \
  "$TOP/run-1.log" || fail "run-1: the last line does not count ${#GOOD[@]} converted, 1 rejected"
(cd "$RUN/output" && sha256sum --check --quiet SHA256SUMS) || fail "sha256sum -c SHA256SUMS failed"
say "run-1: ${#GOOD[@]} documents complete; $BAD.pdf rejected, no output, in rejected.csv: $rejected"
say "run-1: sha256sum -c SHA256SUMS: OK ($(wc -l <"$RUN/output/SHA256SUMS") files)"

# --- run 2: rejections expected (an ingest), the corpus files made again ----------------------
run_slurm run-2 --config allow_rejected=True --forcerun write_corpus
((STATUS == 0)) || fail "run-2: snakemake exited with $STATUS despite allow_rejected"
check_jobs run-2
rerun_seconds=$ELAPSED
rerun_jobs=$JOBS
rerun_rules="$(submissions run-2 | sed -E 's|.*/slurm_logs/rule_([a-z_]+)/.*|\1|' | sort | paste -sd' ')"
[[ $rerun_rules == write_corpus ]] || fail "run-2 should only make the corpus files, but ran: $rerun_rules"
(cd "$RUN/output" && sha256sum --check --quiet SHA256SUMS) || fail "sha256sum -c SHA256SUMS failed"
say "run-2: allow_rejected=True: exit 0; the corpus files made again, sha256sum -c OK"

# --- the same documents on this machine, without SLURM: same bytes? how much faster? ------------
LOCAL="$TOP/local"
mkdir -p "$LOCAL/input"
cp "$RUN"/input/*.pdf "$LOCAL/input/"
# The workflow profile as a bare `snakemake` uses it: every core of this machine.
run_snakemake "$LOCAL" "$TOP/local.log"
((STATUS == 1)) || fail "the local run exited with $STATUS; expected 1, as $BAD.pdf is rejected"
local_seconds=$ELAPSED
(cd "$RUN/output" && sha256sum --check --quiet "$LOCAL/output/SHA256SUMS") ||
  fail "the files made through SLURM differ from those of the local run"
say "the outputs through SLURM are byte for byte those of a local run"

documents=$((${#GOOD[@]} + 1))
say "PASSED: set-up $setup_seconds s; run-1 $run_seconds s, $run_jobs SLURM jobs for $documents PDFs" \
  "($(awk "BEGIN { printf \"%.1f\", $run_seconds / $documents }") s per PDF; locally, on $(nproc) cores: $local_seconds s," \
  "$(awk "BEGIN { printf \"%.1f\", $local_seconds / $documents }") s per PDF);" \
  "run-2 $rerun_seconds s, $rerun_jobs SLURM jobs"
