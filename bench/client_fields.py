# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"What the Tryton 8 clients read to show a view, from its fields_view_get"
from lxml import etree

CLIENT_LIMIT = 1000  # client.limit: read() asks at most for 1000 // fields


def view_fields(fields):
    """The names the client reads for the fields of a view: each field,
    the names of its relations and the record's own markers"""
    names = list(fields)
    names += [f'{n}.rec_name' for n, f in fields.items()
        if f['type'] in {'many2one', 'one2one', 'reference'}]
    if 'rec_name' not in names:
        names.append('rec_name')
    names += ['_timestamp', '_write', '_delete']
    return names


def form_fields(view):
    """The names the client reads to open a record in the form view: its
    own fields and, for the one2many and many2many fields on the first page
    of a notebook (marked visible by trytond), the fields of their embedded
    list, read in the same call (get_x2m_sub_fields of the Tryton 8
    client); with the related_read_limit it sends"""
    arch = view['arch']
    if isinstance(arch, str):
        arch = arch.encode()
    visible = {n.get('name')
        for n in etree.fromstring(arch).iter('field')
        if n.get('visible') == '1'}
    nested = []
    for name, field in view['fields'].items():
        if (field['type'] not in {'one2many', 'many2many'}
                or name not in visible or not field.get('views')):
            continue
        for sub, sub_field in ((s, f) for v in field['views'].values()
                for s, f in v['fields'].items()):
            nested.append(f'{name}.{sub}')
            if sub_field['type'] in {'many2one', 'one2one', 'reference'}:
                nested.append(f'{name}.{sub}.rec_name')
            elif sub_field['type'] in {'selection', 'multiselection'}:
                nested.append(f'{name}.{sub}:string')
        nested += [f'{name}.{f}' for f in ['_timestamp', '_write', '_delete']]
    limit = CLIENT_LIMIT // min(len(nested), 10) if nested else None
    return view_fields(view['fields']) + nested, limit
