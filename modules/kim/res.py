# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
from trytond.cache import Cache
from trytond.pool import PoolMeta

from .migration import move_xml_ids


class User(metaclass=PoolMeta):
    __name__ = 'res.user'
    # The companies and employees of a user follow the company and employee
    # of the context: a cache per user alone kept the empty list of a
    # request made with "company": null for all the following requests.
    _get_companies_cache = Cache('res.user.get_companies.context')
    _get_employees_cache = Cache('res.user.get_employees.context')


class Group(metaclass=PoolMeta):
    __name__ = 'res.group'

    @classmethod
    def __register__(cls, module):
        # Migration from 8.0.0: the groups and the menu spanning the
        # modules came from kim_case
        move_xml_ids(
            'kim_case', 'kim', 'group_kim_admin', 'group_kim_coordination',
            'user_admin_group_kim_admin', 'kim_icon', 'menu_kim',
            'menu_kim_group_coordination', 'menu_kim_group_admin',
            'msg_catalog_code_unique')
        super().__register__(module)
