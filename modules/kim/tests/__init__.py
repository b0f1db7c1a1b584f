# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.

from .test_module import (
    AccessTestMixin, OptionalViewsTestMixin, ViewTestMixin)

__all__ = ['AccessTestMixin', 'OptionalViewsTestMixin', 'ViewTestMixin']
