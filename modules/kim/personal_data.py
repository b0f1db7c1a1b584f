# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""The right of access (Art. 15 GDPR): everything stored about a person in
the installed KIM modules, as a document and as a JSON file.

Each module adds the records it keeps about the person by extending
``party.party.kim_personal_records``; the notes, attachments and log
entries of these records come with them.  The records are searched and read
with the access rights and record rules of the user who runs the export:
she gets what she may read, nothing of another organisation."""
import datetime as dt
import json
import shutil
from decimal import Decimal

from trytond.config import config
from trytond.i18n import gettext
from trytond.model import Model, ModelView, fields
from trytond.model.exceptions import AccessError
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.report import Report
from trytond.tools import grouped_slice
from trytond.transaction import Transaction, check_access
from trytond.wizard import Button, StateTransition, StateView, Wizard

from .access import check_records
from .exceptions import PersonalDataError
from .model import format_date, format_datetime, format_number
from .report import ReportMixin

# The version of the structure of the JSON file
FORMAT = 'kim-personal-data/1'
# Technical fields that say nothing about the person
_SKIPPED = {'id', 'create_uid', 'write_uid', 'write_date', 'rec_name',
    'active', 'sequence', 'create_date', 'code_alnum', 'code_digit',
    'file_id', 'digest', 'collision', 'value_compact'}
_RESOURCE_MODELS = ['ir.note', 'ir.attachment', 'ir.model.log']


def _records_by_model(records):
    "The records grouped by model name in the order they come, once each"
    models = {}
    for record in records:
        if record is None or record.id is None or record.id < 0:
            continue
        models.setdefault(record.__name__, {}).setdefault(record.id, record)
    return {m: list(r.values()) for m, r in models.items()}


def search_readable(model_name, domain, order=None):
    """Search the records of the model the user may read: none of a model
    she has no access right to (e.g. the administration and the client
    files), instead of refusing the whole export"""
    pool = Pool()
    ModelAccess = pool.get('ir.model.access')
    if not ModelAccess.check(model_name, 'read', raise_exception=False):
        return []
    return pool.get(model_name).search(domain, order=order)


def _relation_name(record):
    "The name of a linked record, empty if the user may not read it"
    try:
        with check_access():
            check_records(record.__class__, [record.id])
            return record.rec_name
    except AccessError:
        return ''


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    @classmethod
    def kim_personal_records(cls, party):
        """Return the records stored about the party that the user may
        read: each module adds the records it keeps (called with the access
        checks of the user)"""
        return ([party] + list(party.addresses)
            + list(party.contact_mechanisms) + list(party.identifiers)
            + search_readable('company.employee',
                [('party', '=', party.id)], order=[('id', 'ASC')]))

    @classmethod
    def kim_personal_data(cls, party):
        """Return everything stored about the party that the user may read,
        as a structure of JSON values: the sections of the records of each
        model with their fields (label and value in the language of the
        user)"""
        pool = Pool()
        Date = pool.get('ir.date')
        Lang = pool.get('ir.lang')
        transaction = Transaction()
        with check_access(), transaction.set_context(active_test=False):
            check_records(cls, [party.id])
            party = cls(party.id)
            records = _records_by_model(cls.kim_personal_records(party))
            resources = cls._kim_personal_resources(records)
            sections = []
            for model_name, model_records in list(records.items()) + list(
                    resources.items()):
                if model_records:
                    sections.append(
                        _section(pool.get(model_name), model_records))
        return {
            'format': FORMAT,
            'language': Lang.get().code,
            'date': Date.today().isoformat(),
            'person': {'id': party.id, 'name': party.rec_name},
            'sections': sections,
            }

    @classmethod
    def _kim_personal_resources(cls, records):
        """Return the notes, attachments and log entries of the records by
        model name, those the user may read"""
        references = [f'{m},{r.id}'
            for m, model_records in records.items()
            for r in model_records]
        resources = {}
        for model_name in _RESOURCE_MODELS:
            found = []
            for sub_references in grouped_slice(references):
                found.extend(search_readable(model_name, [
                            ('resource', 'in', list(sub_references)),
                            ], order=[('id', 'ASC')]))
            resources[model_name] = found
        return resources

    @classmethod
    def kim_personal_json(cls, party):
        "Return the data of kim_personal_data as JSON, UTF-8, stable keys"
        data = cls.kim_personal_data(party)
        return json.dumps(
            data, ensure_ascii=False, indent=2, sort_keys=True).encode(
            'utf-8')


def _section(Model_, records):
    "Return the section of the records of Model_"
    names = [n for n, f in Model_._fields.items()
        if n not in _SKIPPED and _shown(f)]
    if Model_.__name__ == 'ir.model.log':
        # when the access, change or print happened
        names.insert(0, 'create_date')
    descriptions = Model_.fields_get(names)
    names = [n for n in names if n in descriptions]
    section = {
        'model': Model_.__name__,
        'title': Model_.__names__()['model'],
        'records': [],
        }
    for record in records:
        values = []
        for name in names:
            value, text = _value(record, name, Model_._fields[name])
            if value is None or value == [] or value == '':
                continue
            values.append({
                    'field': name,
                    'label': descriptions[name]['string'],
                    'value': value,
                    'text': text,
                    })
        section['records'].append({
                'id': record.id,
                'name': _relation_name(record),
                'fields': values,
                })
    return section


def _shown(field):
    "Whether the field holds stored data of the record"
    if isinstance(field, fields.Function):
        return False
    return field._type not in {'one2many', 'binary', 'dict'}


def _value(record, name, field):
    """Return the JSON value of the field of the record and its text in
    the language of the user"""
    pool = Pool()
    Lang = pool.get('ir.lang')
    value = getattr(record, name)
    if value is None:
        return None, ''
    type_ = field._type
    if type_ in {'many2one', 'one2one', 'reference'}:
        if not isinstance(value, Model) or value.id is None or value.id < 0:
            return None, ''
        text = _relation_name(value)
        return (text or None), text
    if type_ == 'many2many':
        names = [_relation_name(v) for v in value]
        names = [n for n in names if n]
        return names, ', '.join(names)
    if type_ == 'selection':
        text = field.translated(name).__get__(record, record.__class__)
        return value, text or ''
    if type_ == 'multiselection':
        return list(value), ', '.join(value)
    if type_ == 'boolean':
        value = bool(value)
        return value, gettext('kim.msg_yes' if value else 'kim.msg_no')
    if isinstance(value, dt.datetime):
        return value.isoformat(), format_datetime(value)
    if isinstance(value, dt.date):
        return value.isoformat(), format_date(value)
    if isinstance(value, dt.time):
        return value.isoformat(), value.strftime('%H:%M')
    if isinstance(value, dt.timedelta):
        return value.total_seconds(), str(value)
    if isinstance(value, Decimal):
        digits = max(-value.as_tuple().exponent, 0)
        return str(value), format_number(value, digits)
    if isinstance(value, float):
        return value, Lang.get().format_number(value)
    if isinstance(value, int):
        return value, str(value)
    return str(value), str(value)


class PersonalDataResult(ModelView):
    __string__ = "Personal Data Export"
    __name__ = 'kim.party.personal_data.result'

    party = fields.Many2One('party.party', "Person", readonly=True)
    document = fields.Binary(
        "Document", filename='document_name', readonly=True,
        help="The readable document of the stored data (ODT).")
    document_name = fields.Char("Document Name", readonly=True)
    pdf = fields.Binary(
        "PDF", filename='pdf_name', readonly=True,
        states={
            'invisible': ~Eval('pdf_name'),
            },
        help="The readable document as PDF.")
    pdf_name = fields.Char("PDF Name", readonly=True)
    data = fields.Binary(
        "Machine-Readable File", filename='data_name', readonly=True,
        help="The stored data as JSON (UTF-8).")
    data_name = fields.Char("File Name", readonly=True)


class PersonalData(Wizard):
    __string__ = "Personal Data Export"
    __name__ = 'kim.party.personal_data'
    start_state = 'export'
    export = StateTransition()
    result = StateView('kim.party.personal_data.result',
        'kim.personal_data_result_view_form', [
            Button("Close", 'end', 'tryton-close', default=True),
            ])

    def transition_export(self):
        pool = Pool()
        Party = pool.get('party.party')
        ModelData = pool.get('ir.model.data')
        if len(self.records) != 1:
            raise PersonalDataError(gettext('kim.msg_personal_data_one'))
        party, = self.records
        # The wizard runs without access checks: the person must be one
        # the user may read
        with check_access():
            check_records(Party, [party.id])
        self.result.party = party
        self.result.data = Party.kim_personal_json(party)
        slug = ''.join(
            c if c.isalnum() else '-' for c in (party.rec_name or ''))
        base = f"{gettext('kim.msg_personal_data_file')}-{slug}-{party.id}"
        self.result.data_name = f'{base}.json'
        Report = pool.get('kim.party.personal_data', type='report')
        action_id = ModelData.get_id('kim', 'report_personal_data')
        _, content, _, _ = Report.execute([party.id], {
                'model': 'party.party', 'id': party.id, 'ids': [party.id],
                'action_id': action_id})
        self.result.document = content
        self.result.document_name = f'{base}.odt'
        if (config.get('report', 'convert_command', default=None)
                or shutil.which('soffice')):
            action_id = ModelData.get_id('kim', 'report_personal_data_pdf')
            _, content, _, _ = Report.execute([party.id], {
                    'model': 'party.party', 'id': party.id,
                    'ids': [party.id], 'action_id': action_id})
            self.result.pdf = content
            self.result.pdf_name = f'{base}.pdf'
        return 'result'

    def default_result(self, fields):
        return {
            'party': self.result.party.id,
            'document': self.result.document,
            'document_name': self.result.document_name,
            'pdf': getattr(self.result, 'pdf', None),
            'pdf_name': getattr(self.result, 'pdf_name', None),
            'data': self.result.data,
            'data_name': self.result.data_name,
            }


class PersonalDataReport(ReportMixin, Report):
    "The readable document of the personal data of a person"
    __name__ = 'kim.party.personal_data'

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['personal_data'] = (
            Pool().get('party.party').kim_personal_data)
        return context
