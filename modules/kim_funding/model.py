# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from collections import defaultdict

from trytond.model import Model
from trytond.pool import Pool
from trytond.transaction import Transaction

RELATIONS = {'many2one', 'one2one', 'one2many', 'many2many'}


class RuleCheckedExportMixin:
    "Check the record rules in SQL for export"
    __slots__ = ()

    @classmethod
    def export_data(cls, records, fields_names, header=False):
        # On export Tryton evaluates the record rules in Python, where a
        # dotted path (grant.company) or a rule inherited through
        # __access__ counts as satisfied; so the records and all the
        # records reached through the exported relations are checked in
        # SQL.
        if Transaction().check_access:
            check_export(
                cls, records, [name.split('/') for name in fields_names])
        return super().export_data(records, fields_names, header=header)


def check_export(Model_, records, paths):
    Rule = Pool().get('ir.rule')
    ids = list({r.id for r in records if r.id is not None and r.id >= 0})
    if ids:
        Rule.check(Model_.__name__, ids, 'read')
    children = defaultdict(list)
    for path in paths:
        name = path[0].split('.', 1)[0].split(':lang=', 1)[0]
        field = Model_._fields.get(name)
        if field is not None and field._type in RELATIONS:
            children[name].append(path[1:])
    for name, sub_paths in children.items():
        Target = Model_._fields[name].get_target()
        targets = []
        for record in records:
            value = getattr(record, name)
            if isinstance(value, Model):
                targets.append(value)
            elif value:
                targets.extend(value)
        sub_paths = [p for p in sub_paths if p]
        check_export(Target, targets, sub_paths)
