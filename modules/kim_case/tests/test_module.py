# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.modules.company.tests import (
    CompanyTestMixin, PartyCompanyCheckEraseMixin)
from trytond.modules.kim.tests import AccessTestMixin
from trytond.tests.test_tryton import ModuleTestCase


class KimCaseTestCase(
        AccessTestMixin, PartyCompanyCheckEraseMixin, CompanyTestMixin,
        ModuleTestCase):
    "Test KIM Case module"
    module = 'kim_case'


del ModuleTestCase
