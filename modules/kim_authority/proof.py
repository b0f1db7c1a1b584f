# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"The Baustein-3 figures in the narrative report of the proof of use"
from trytond.i18n import gettext
from trytond.modules.kim.model import format_count
from trytond.pool import Pool, PoolMeta
from trytond.transaction import without_check_access


class Proof(metaclass=PoolMeta):
    __name__ = 'kim.funding.proof'

    def _report_figures(self):
        paragraphs = super()._report_figures()
        if not self.contract and any(
                p.line.building_block == '3' for p in self.posts):
            paragraphs.append(self._authority_figures_report())
        return paragraphs

    def _authority_figures_report(self):
        # Counts only, from the statistics: finance staff read no procedure.
        Statistics = Pool().get('kim.authority.statistics')
        year = self.year
        with without_check_access():
            rows = Statistics.search([
                    ('company', '=', self.company.id),
                    ('year', '=', year),
                    ])
        procedures = sum(r.procedures for r in rows)
        granted = {}
        for row in rows:
            if row.outcome == 'granted':
                kind = Statistics.fields_get(['kind'])['kind']['selection']
                name = dict(kind)[row.kind]
                granted[name] = granted.get(name, 0) + row.procedures
        lines = [gettext('kim_authority.msg_authority_figures',
                procedures=format_count(procedures),
                granted=format_count(sum(granted.values())),
                secured=format_count(sum(r.secured for r in rows)))]
        lines.extend(gettext('kim_authority.msg_authority_figures_kind',
                kind=kind, granted=format_count(count))
            for kind, count in sorted(granted.items()))
        return '\n'.join(lines)
