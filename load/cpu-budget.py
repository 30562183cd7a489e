#!/usr/bin/env python3
"""Where one webhook's CPU goes: the execution samples of a JFR recording of hookbot under load, by pipeline stage.

    python3 load/cpu-budget.py REC.jfr [US_PER_WEBHOOK]

REC.jfr: a recording of the server, e.g. from the peer harness with
    HOOKBOT_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/h2.jfr,settings=profile
                       -XX:FlightRecorderOptions=stackdepth=256"
US_PER_WEBHOOK: the run's JVM CPU per webhook (the harness prints it); each stage's share is then also given in
microseconds per webhook. A sample counts for the first stage (top of the table) whose pattern is on its stack, or
by its thread when none is; the table says which. Samples only see Java threads: GC and JIT threads are not in it.

With US_PER_WEBHOOK, a second table gives the bytes allocated per webhook by stage, from the recording's allocation
samples (jdk.ObjectAllocationSample, each weighted by the bytes it stands for): the recording's allocation per
second of JVM CPU (jdk.CPULoad) times the CPU per webhook. That assumes the recording's allocation per CPU second is
the measured window's, which holds when warm-up and window run the same load, as the harness runs them.
"""
import collections
import json
import re
import subprocess
import sys

STAGES = [  # (stage, pattern on the stack), first match wins
    ("retention, housekeeping", r"Retention|RetentionJob|housekeeping"),
    ("outcome write (delivery loop)", r"DeliveryWorker\.writeOutcomes|OutboxStore\.record|AttemptStore\.insert"),
    ("delivery claim", r"DeliveryWorker\.claim|OutboxStore\.claim"),
    ("send: sender and HTTP client", r"io/hookbot/outbox/Sending|io/hookbot/channel/(smsgateway|http)/.*Sender|ChannelLanes"),
    ("outbox write", r"OutboxWriter|OutboxStore\.insert|ReplyAddressing"),
    ("turn record", r"TurnRecords"),
    ("presence, known senders", r"io/hookbot/presence/|KnownSenders"),
    ("guardrails", r"io/hookbot/bot/guard/"),
    ("rules", r"io/hookbot/bot/rules/|io/hookbot/bot/TurnProcessor"),
    ("turn: event read and decode", r"InboxStore\.(pending|read|select)|EventCodec\.decode"),
    ("turn: done mark", r"InboxStore\.finish"),
    ("turn: conversation row", r"io/hookbot/conversation/ConversationStore"),
    ("turn: pass (commit, queue)", r"io/hookbot/inbox/(TurnPass|ConversationTurns|Dispatcher|ConversationQueue|Sequencer)"),
    ("intake: dedupe look-up", r"InboxTable\.existing|InboxStore\.existing"),
    ("intake: encode", r"EventCodec\.encode|JournalRecords"),
    ("intake: journal append", r"InboxJournal"),
    ("intake: group commit (inbox-writer)", r"io/hookbot/inbox/journal/|io/hookbot/inbox/InboxWriter|InboxTable\.insert|DurableWrites"),
    ("parse and checks", r"io/hookbot/channel/"),
    ("webhook endpoint", r"io/hookbot/webhook/|AccessFilter"),
]
THREADS = [  # (stage, thread name) for samples with no pattern above on their stack
    ("HTTP in: Netty and Micronaut (server event loop)", r"^default-eventLoopGroup|^default-nioEventLoopGroup"),
    ("send: sender and HTTP client", r"^multithreadEventLoopGroup|^delivery-\d"),
    ("H2 background (serialization, store)", r"^H2-|^MVStore"),
    ("startup (main)", r"^main$"),
]


def frames(event):
    return [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in event["values"]["stackTrace"]["frames"]]


def read(recording, event_type):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", event_type, recording],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["recording"]["events"]


def stage_of(event, thread_field):
    stack = "\n".join(frames(event))
    thread = (event["values"].get(thread_field) or {}).get("javaName") or "?"
    stage = next((name for name, rx in STAGES if re.search(rx, stack)), None)
    if stage is None:
        stage = next((name for name, rx in THREADS if re.search(rx, thread)),
                     "other (" + re.sub(r"[-\d]+$", "", thread) + ")")
    return stage


def allocation(recording, per_webhook):
    """Bytes allocated per webhook by stage (see the module's doc)."""
    by_stage = collections.Counter()
    for event in read(recording, "jdk.ObjectAllocationSample"):
        if event["values"].get("stackTrace"):
            by_stage[stage_of(event, "eventThread")] += event["values"]["weight"]
    startup = by_stage.pop("startup (main)", 0)
    cores = 2
    loads = read(recording, "jdk.CPULoad")
    cpu_seconds = sum((e["values"]["jvmUser"] + e["values"]["jvmSystem"]) * cores for e in loads)
    if not loads or cpu_seconds == 0:
        print("no jdk.CPULoad events: allocation per webhook cannot be worked out")
        return
    total = sum(by_stage.values())
    per_cpu_second = total / cpu_seconds
    per = per_cpu_second * per_webhook / 1e6
    print()
    print(f"allocation: {total / 1e9:.2f} GB in {cpu_seconds:.0f} s of JVM CPU ({startup / 1e6:.0f} MB of the startup"
          f" left out): {per / 1024:.1f} KiB per webhook")
    print("| stage | share | KiB per webhook |")
    print("|---|---|---|")
    for stage, bytes_ in by_stage.most_common():
        print(f"| {stage} | {100 * bytes_ / total:.1f}% | {bytes_ / total * per / 1024:.1f} |")


def main():
    recording = sys.argv[1]
    per_webhook = float(sys.argv[2]) if len(sys.argv) > 2 else None
    counts = collections.Counter()
    for event in read(recording, "jdk.ExecutionSample"):
        counts[stage_of(event, "sampledThread")] += 1
    startup = counts.pop("startup (main)", 0)
    total = sum(counts.values())
    print(f"{total} samples ({startup} of the startup's main thread left out)")
    print("| stage | share | µs per webhook |" if per_webhook else "| stage | share |")
    print("|---|---|---|" if per_webhook else "|---|---|")
    for stage, n in counts.most_common():
        share = n / total
        if per_webhook:
            print(f"| {stage} | {100 * share:.1f}% | {share * per_webhook:.0f} |")
        else:
            print(f"| {stage} | {100 * share:.1f}% |")
    if per_webhook:
        allocation(recording, per_webhook)


if __name__ == "__main__":
    main()
