# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""Helpers for the migration of databases built by earlier versions."""
from sql import Column, Table
from sql.functions import Substring
from sql.operators import Concat, Like

from trytond import backend
from trytond.pool import Pool
from trytond.transaction import Transaction


def move_xml_ids(old_module, new_module, *patterns):
    """Hand the XML records whose ids match the LIKE patterns over from
    old_module to new_module, so that updating old_module does not delete
    records (and the data pointing at them) now defined in new_module."""
    ModelData = Pool().get('ir.model.data')
    if not backend.TableHandler.table_exist(ModelData._table):
        return
    cursor = Transaction().connection.cursor()
    model_data = ModelData.__table__()
    for pattern in patterns:
        cursor.execute(*model_data.update(
                [model_data.module], [new_module],
                where=(model_data.module == old_module)
                & Like(model_data.fs_id, pattern)))


def move_model(old_module, new_module, model):
    "Record that the model and its fields now come from new_module."
    pool = Pool()
    Model = pool.get('ir.model')
    ModelField = pool.get('ir.model.field')
    if not backend.TableHandler.table_exist(Model._table):
        return
    cursor = Transaction().connection.cursor()
    ir_model = Model.__table__()
    cursor.execute(*ir_model.update(
            [ir_model.module], [new_module],
            where=(ir_model.name == model) & (ir_model.module == old_module)))
    ir_model_field = ModelField.__table__()
    cursor.execute(*ir_model_field.update(
            [ir_model_field.module], [new_module],
            where=(ir_model_field.model == model)
            & (ir_model_field.module == old_module)))


def rename_model(model, old_name):
    """Carry a model renamed since an earlier version over: its table, the
    model and its fields, XML ids, translations, saved searches and exports,
    and the references of attachments, notes, e-mails and logs."""
    TableHandler = backend.TableHandler
    new_name = model.__name__
    TableHandler.table_rename(old_name.replace('.', '_'), model._table)
    if not TableHandler.table_exist('ir_model'):
        return
    cursor = Transaction().connection.cursor()
    ir_model = Table('ir_model')
    cursor.execute(*ir_model.select(
            ir_model.id, where=ir_model.name == new_name))
    if cursor.fetchone():
        return
    cursor.execute(*ir_model.update(
            [ir_model.name], [new_name], where=ir_model.name == old_name))
    for table, column in [
            ('ir_model_field', 'model'),
            ('ir_model_data', 'model'),
            ('ir_ui_view_search', 'model'),
            ]:
        if TableHandler.table_exist(table):
            sql_table = Table(table)
            cursor.execute(*sql_table.update(
                    [Column(sql_table, column)], [new_name],
                    where=Column(sql_table, column) == old_name))
    for table, column, separator in [
            ('ir_translation', 'name', ','),
            ('ir_attachment', 'resource', ','),
            ('ir_note', 'resource', ','),
            ('ir_email', 'resource', ','),
            ('ir_model_log', 'resource', ','),
            ('ir_export', 'resource', ''),
            ]:
        if TableHandler.table_exist(table):
            sql_table = Table(table)
            value = Column(sql_table, column)
            prefix = old_name + separator
            cursor.execute(*sql_table.update(
                    [value],
                    [Concat(new_name + separator,
                            Substring(value, len(prefix) + 1))],
                    where=Like(
                        value, prefix.replace('_', '\\_') + '%', escape='\\')
                    if separator else value == old_name))


class RenamedMixin:
    "Migrates a model from the name it had in an earlier version."
    __slots__ = ()
    _former_name = None

    @classmethod
    def __register__(cls, module):
        if cls._former_name:
            rename_model(cls, cls._former_name)
        super().__register__(module)
