# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"Point trytond at the benchmark's PostgreSQL server"
import os
import tempfile


def use_database_uri(uri):
    """Write a trytond.conf holding only the URI, load it and export it for
    the trytond commands; keep the returned directory alive while in use"""
    workdir = tempfile.TemporaryDirectory(prefix='kim_bench_')
    conf = os.path.join(workdir.name, 'trytond.conf')
    with open(conf, 'w') as f:
        f.write(f"[database]\nuri = {uri}\n")
    os.environ['TRYTOND_CONFIG'] = conf
    from trytond import config
    config.update_etc(conf)
    return workdir
