# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"Case figures of kim_case in the narrative report of the proof of use"
from decimal import Decimal

from trytond.i18n import gettext
from trytond.modules.kim.model import format_count, format_number
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access


class Proof(metaclass=PoolMeta):
    __name__ = 'kim.funding.proof'
    # The counts of kim.case.statistics summed into the case figures
    _case_figures = ['cases_active', 'cases_new', 'cases_closed',
        'cases_successful', 'clients', 'contacts', 'referrals']

    def _report_figures(self):
        paragraphs = super()._report_figures()
        if self._case_companies():
            paragraphs.append(self._case_figures_report())
        return paragraphs

    def _case_companies(self):
        "Return the organisations whose case management the grant funds"
        posts = [p for p in self.posts if p.line.building_block == '2']
        return sorted({p.company for p in posts}, key=lambda c: c.id)

    def _case_figures_report(self):
        # The figures are anonymous; finance staff may not read cases.
        Statistics = Pool().get('kim.case.statistics')
        start, end = self.period
        totals = dict.fromkeys(self._case_figures, 0)
        hours = Decimal(0)
        groups = {}
        for company in self._case_companies():
            with without_check_access(), Transaction().set_context(
                    organisation=company.id, from_date=start, to_date=end):
                rows = Statistics.search([])
                for row in rows:
                    for name in self._case_figures:
                        totals[name] += getattr(row, name) or 0
                    hours += row.hours or 0
                    if row.target_group:
                        name = row.target_group.rec_name
                        groups[name] = groups.get(name, 0) + (
                            row.cases_active or 0)
        lines = [gettext('kim_funding.msg_case_figures',
                organisations=', '.join(
                    c.rec_name for c in self._case_companies()),
                hours=format_number(hours),
                **{n: format_count(v) for n, v in totals.items()})]
        lines.extend(
            gettext('kim_funding.msg_case_figures_target_group',
                target_group=name, cases=format_count(cases))
            for name, cases in sorted(groups.items()))
        return '\n'.join(lines)
