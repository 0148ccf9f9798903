#!/usr/bin/env python3
"""Wall time of whole processes, side by side: ROUNDS rounds (after 5 for warming up), each
command run once per round in turn, its output thrown away. Prints each command's wall-time
median, mean, 10th and 90th percentile, and its median CPU time (user + system, from wait4),
in milliseconds. For start-up, where a run takes a few milliseconds and the machine's load moves
more than the difference sought: alternating shares the load out, and CPU time does not count
the time a process waited for a core (on a busy machine, wall-time medians fall between "ran
at once" and "was preempted" and say little; the CPU time and the 10th percentile still do).

    scripts/alternate.py ROUNDS 'CMD ARGS' 'CMD ARGS' ...

Each command is split at spaces and run without a shell (its program by path).
"""
import os
import statistics
import sys
import time


def main():
    rounds = int(sys.argv[1])
    commands = [c.split() for c in sys.argv[2:]]
    devnull = os.open(os.devnull, os.O_WRONLY)
    quiet = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
    times = [[] for _ in commands]
    cpu = [[] for _ in commands]
    for r in range(rounds + 5):
        for i, command in enumerate(commands):
            start = time.perf_counter_ns()
            pid = os.posix_spawn(command[0], command, os.environ, file_actions=quiet)
            _, _, usage = os.wait4(pid, 0)
            if r >= 5:
                times[i].append((time.perf_counter_ns() - start) / 1e6)
                cpu[i].append((usage.ru_utime + usage.ru_stime) * 1e3)
    for command, t, c in zip(commands, times, cpu):
        deciles = statistics.quantiles(t, n=10)
        print(
            f"{' '.join(command)[:56]:<56} median {statistics.median(t):6.3f} ms  "
            f"mean {statistics.mean(t):6.3f}  p10 {deciles[0]:6.3f}  p90 {deciles[-1]:6.3f}  "
            f"cpu {statistics.median(c):6.3f}  (n={len(t)})"
        )


if __name__ == "__main__":
    main()
