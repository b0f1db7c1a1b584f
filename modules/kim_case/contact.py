# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.modules.kim.model import format_date
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction

from .case import CaseLineMixin


class Contact(CaseLineMixin, ModelSQL, ModelView):
    __string__ = "KIM Case Contact"
    __name__ = 'kim.case.contact'
    date = fields.Date("Date", required=True)
    duration = fields.Integer(
        "Duration (Minutes)", required=True,
        domain=[('duration', '>', 0)],
        help="Duration of the contact in minutes.")
    kind = fields.Selection([
            ('in_person', "In Person"),
            ('phone', "Phone"),
            ('outreach', "Outreach"),
            ('video', "Video"),
            ('written', "Written"),
            ], "Kind", required=True, sort=False)
    employee = fields.Many2One(
        'company.employee', "Employee", ondelete='RESTRICT',
        domain=[('company', '=', Eval('_parent_case', {}).get('company', -1))])
    interpreter = fields.Boolean("Interpreter")
    interpreter_language = fields.Many2One(
        'kim.case.language', "Interpreted Language", ondelete='RESTRICT',
        states={
            'invisible': ~Eval('interpreter'),
            })
    field_of_action = fields.Many2One(
        'kim.field_of_action', "Field of Action", ondelete='RESTRICT')
    notes = fields.Text("Notes")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t, (t.date, Index.Range())),
                # the contacts of an organisation's cases in a period
                Index(t, (t.case, Index.Range()), (t.date, Index.Range())),
                })
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    @staticmethod
    def default_date():
        return Pool().get('ir.date').today()

    @staticmethod
    def default_kind():
        return 'in_person'

    @staticmethod
    def default_employee():
        return Transaction().context.get('employee')

    @classmethod
    def get_rec_name(cls, contacts, name):
        # The kinds translated once, not the field definition per contact
        field = cls._fields['kind']
        kinds = field.get_selection(cls, 'kind', None)
        return {
            c.id: (f'{format_date(c.date)} '
                f'{field.get_selection_string(kinds, c.kind)}')
            for c in contacts}
