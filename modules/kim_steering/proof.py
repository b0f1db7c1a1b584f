# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"The Baustein-1 figures in the narrative report of the proof of use"
import datetime as dt

from trytond.i18n import gettext
from trytond.modules.kim.model import format_count
from trytond.pool import Pool, PoolMeta
from trytond.transaction import without_check_access


class Proof(metaclass=PoolMeta):
    __name__ = 'kim.funding.proof'

    def _report_figures(self):
        paragraphs = super()._report_figures()
        if not self.contract and any(
                p.line.building_block == '1' for p in self.posts):
            paragraphs.append(self._steering_figures_report())
        return paragraphs

    def _steering_figures_report(self):
        # Counts only: finance staff need not read the steering records.
        pool = Pool()
        Meeting = pool.get('kim.steering.meeting')
        Resolution = pool.get('kim.steering.resolution')
        WorkingGroup = pool.get('kim.steering.working_group')
        Reconstruction = pool.get('kim.steering.reconstruction')
        start, end = self.period
        company = [('group.company', '=', self.company.id)]
        with without_check_access():
            meetings = Meeting.search_count(company + [
                    ('state', 'in', ['held', 'approved']),
                    ('start', '>=', dt.datetime.combine(start, dt.time())),
                    ('start', '<', dt.datetime.combine(
                            end + dt.timedelta(days=1), dt.time())),
                    ])
            resolutions = {}
            for resolution in Resolution.search(company + [
                        ('date', '>=', start),
                        ('date', '<=', end),
                        ]):
                resolutions.setdefault(
                    resolution.state_string, []).append(resolution)
            working_groups = WorkingGroup.search_count(company + [
                    ('state', '!=', 'planned'),
                    ('start_date', '<=', end),
                    ['OR',
                        ('end_date', '=', None),
                        ('end_date', '>=', start),
                        ],
                    ])
            reconstructions = Reconstruction.search_count([
                    ('company', '=', self.company.id),
                    ('date', '>=', start),
                    ('date', '<=', end),
                    ])
        lines = [gettext('kim_steering.msg_steering_figures',
                meetings=format_count(meetings),
                resolutions=format_count(
                    sum(len(r) for r in resolutions.values())),
                working_groups=format_count(working_groups),
                reconstructions=format_count(reconstructions))]
        lines.extend(
            gettext('kim_steering.msg_steering_figures_state',
                state=state, resolutions=format_count(len(records)))
            for state, records in sorted(resolutions.items()))
        return '\n'.join(lines)
