# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
import re

from trytond.pool import PoolMeta
from trytond.transaction import Transaction


def english_xml_id(fs_id):
    "The XML id of 8.0.1 for an XML id of 8.0.0"
    fs_id = fs_id.replace('statement_trager', 'proof_provider')
    fs_id = fs_id.replace('statement', 'proof')
    fs_id = re.sub(r'_kommune$', '_municipality', fs_id)
    return re.sub(r'_trager$', '_provider', fs_id)


class ModelData(metaclass=PoolMeta):
    __name__ = 'ir.model.data'

    @classmethod
    def __register__(cls, module):
        super().__register__(module)
        if module == 'kim_funding':
            cls._rename_kim_funding_xml_ids()

    @classmethod
    def _rename_kim_funding_xml_ids(cls):
        """Migration from 8.0.0: the records of the renamed XML ids are
        updated in place, so that groups keep their users and menus their
        favourites"""
        cursor = Transaction().connection.cursor()
        table = cls.__table__()
        cursor.execute(*table.select(table.id, table.fs_id,
                where=table.module == 'kim_funding'))
        rows = cursor.fetchall()
        fs_ids = {fs_id for _, fs_id in rows}
        renamed = False
        for id_, fs_id in rows:
            new = english_xml_id(fs_id)
            if new != fs_id and new not in fs_ids:
                cursor.execute(*table.update(
                        [table.fs_id], [new], where=table.id == id_))
                renamed = True
        if renamed:
            cls._get_id_cache.clear()
