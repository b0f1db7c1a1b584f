#!/usr/bin/env python3
# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""Profile on the server the operations of bench/run.py with pyinstrument.

The same RPC calls as run.py are replayed (same user, context and access
checks); after the warm-up runs, the timed runs of each operation are
sampled together and pyinstrument's top entries are printed: the functions
with the most time of their own, the functions with the most time in all
they call, and optionally the call tree.  Needs `pip install pyinstrument`.
"""
import sys

from pyinstrument import Profiler

from run import Bench, make_parser
from trytond_config import use_database_uri


def parse_args():
    parser = make_parser(__doc__.split('\n\n')[0])
    parser.set_defaults(only='list,open', runs=20)
    parser.add_argument(
        '--top', type=int, default=25,
        help="entries of each flat list (default: 25)")
    parser.add_argument(
        '--interval', type=float, default=0.001,
        help="sampling interval in seconds (default: 0.001)")
    parser.add_argument(
        '--tree', action='store_true', help="print the call tree as well")
    return parser.parse_args()


def head(text, lines):
    return '\n'.join(text.splitlines()[:lines])


def main():
    args = parse_args()
    workdir = use_database_uri(args.uri)
    bench = Bench(args)
    bench.setup()
    for key, title, _, tryton, _, prepare in bench.operations:
        if not bench.selected(key):
            continue
        for _ in range(args.warmup):
            prepare()
            tryton()
        profiler = Profiler(interval=args.interval)
        for _ in range(args.runs):
            prepare()
            profiler.start()
            tryton()
            profiler.stop()
        session = profiler.last_session
        print(f"== {key}: {title}; {args.runs} runs, "
            f"{session.duration / args.runs * 1000:.1f} ms of "
            f"wall time per run sampled")
        # The header of the flat output takes 5 lines.
        print("-- self time")
        print(head(profiler.output_text(flat=True, flat_time='self'),
                args.top + 5))
        print("-- total time")
        print(head(profiler.output_text(flat=True, flat_time='total'),
                args.top + 5))
        if args.tree:
            # trytond's and the suite's frames, the other libraries grouped
            print(profiler.output_text(processor_options={
                        'show_regex': r'.*/(trytond|modules|bench)/',
                        'filter_threshold': 0.01}))
        print(flush=True)
    workdir.cleanup()


if __name__ == '__main__':
    sys.exit(main())
