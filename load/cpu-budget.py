#!/usr/bin/env python3
"""Where one webhook's CPU goes: the execution samples of a JFR recording of hookbot under load, by pipeline stage.

    python3 load/cpu-budget.py REC.jfr [US_PER_WEBHOOK]

REC.jfr: a recording of the server, e.g. from the peer harness with
    HOOKBOT_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/h2.jfr,settings=profile
                       -XX:FlightRecorderOptions=stackdepth=256"
US_PER_WEBHOOK: the run's JVM CPU per webhook (the harness prints it); each stage's share is then also given in
microseconds per webhook. A sample counts for the first stage (top of the table) whose pattern is on its stack, or
by its thread when none is; the table says which. Samples only see Java threads: GC and JIT threads are not in it.
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


def main():
    recording = sys.argv[1]
    per_webhook = float(sys.argv[2]) if len(sys.argv) > 2 else None
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample",
                          recording], capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]
    counts = collections.Counter()
    for event in events:
        stack = "\n".join(frames(event))
        thread = event["values"]["sampledThread"]["javaName"] or "?"
        stage = next((name for name, rx in STAGES if re.search(rx, stack)), None)
        if stage is None:
            stage = next((name for name, rx in THREADS if re.search(rx, thread)),
                         "other (" + re.sub(r"[-\d]+$", "", thread) + ")")
        counts[stage] += 1
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


if __name__ == "__main__":
    main()
