# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.exceptions import UserError
from trytond.model.exceptions import AccessError, ValidationError


class StateAccessError(AccessError):
    pass


class LinkValueError(ValidationError):
    pass


class StateError(UserError):
    pass


class FrozenError(AccessError):
    pass


class AuditError(UserError):
    pass


class PersonalDataError(UserError):
    pass
