# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""A small JSON-RPC client of a trytond server, speaking to it as the web
client does (urllib only).

trytond (protocols/jsonrpc.py) answers an exception with ``{"error": …}``:
an exception the application raises for the user (``UserError`` and its
subclasses such as ``AccessError`` and ``ValidationError``, which all come
as "UserError", or ``UserWarning``, ``LoginException`` …) as ``[type,
args]``; any other exception, a failure of the server, as ``[str(exception),
traceback]``.  The first raises ``RPCError``, the second ``ServerError``.
A request the server refuses at the HTTP level (e.g. 403 for a method it
does not expose) raises ``ProtocolError``."""
import base64
import datetime as dt
import itertools
import json
import urllib.error
import urllib.request
from decimal import Decimal

# The names trytond gives to its TrytonException subclasses on the wire
APPLICATION_ERRORS = {
    'UserError', 'UserWarning', 'LoginException', 'ConcurrencyException',
    'RateLimitException', 'MissingDependenciesException'}


class RPCError(Exception):
    "A refusal: an error the application raised for the user"

    def __init__(self, type_, args):
        self.type = type_
        if type_ == 'UserError':
            self.message, self.description = args[0], args[1] or ''
        elif type_ in {'UserWarning', 'LoginException'}:
            self.message, self.description = args[1], ''
        else:
            self.message, self.description = str(args), ''
        super().__init__(f'{type_}: {self.message}')

    @property
    def text(self):
        "Everything the user is shown"
        return f'{self.message}\n{self.description}'


class ServerError(Exception):
    "An unhandled exception of the server, reported with its traceback"

    def __init__(self, message, traceback):
        self.message = message
        self.traceback = traceback
        super().__init__(f'{message}\n{traceback}')

    @property
    def text(self):
        return f'{self.message}\n{self.traceback}'


class ProtocolError(Exception):
    "The server answered with an HTTP error status"

    def __init__(self, status, reason):
        self.status = status
        self.message = f'HTTP {status} {reason}'
        super().__init__(self.message)

    @property
    def text(self):
        return self.message


def _encode(value):
    "Encode the types JSON does not know as trytond's JSONEncoder does"
    if isinstance(value, dt.datetime):
        return {'__class__': 'datetime', 'year': value.year,
            'month': value.month, 'day': value.day, 'hour': value.hour,
            'minute': value.minute, 'second': value.second,
            'microsecond': value.microsecond}
    if isinstance(value, dt.date):
        return {'__class__': 'date', 'year': value.year,
            'month': value.month, 'day': value.day}
    if isinstance(value, Decimal):
        return {'__class__': 'Decimal', 'decimal': str(value)}
    if isinstance(value, (bytes, bytearray)):
        return {'__class__': 'bytes',
            'base64': base64.b64encode(value).decode('ascii')}
    raise TypeError(f'{type(value).__name__} is not JSON serializable')


def _decode(dct):
    "Decode the objects of trytond's JSONEncoder"
    class_ = dct.get('__class__')
    if class_ == 'datetime':
        return dt.datetime(dct['year'], dct['month'], dct['day'],
            dct['hour'], dct['minute'], dct['second'], dct['microsecond'])
    if class_ == 'date':
        return dt.date(dct['year'], dct['month'], dct['day'])
    if class_ == 'time':
        return dt.time(dct['hour'], dct['minute'], dct['second'],
            dct['microsecond'])
    if class_ == 'timedelta':
        return dt.timedelta(seconds=dct['seconds'])
    if class_ == 'Decimal':
        return Decimal(dct['decimal'])
    if class_ == 'bytes':
        return base64.b64decode(dct['base64'])
    return dct


class Server:
    "The RPC end point of one database of a trytond server"

    def __init__(self, url, timeout=300):
        # e.g. http://127.0.0.1:8000/kim/rpc/
        self.url = url
        self.timeout = timeout
        self._ids = itertools.count(1)

    def request(self, method, params, headers=None):
        "Call method with params and return its result or raise its error"
        body = json.dumps({
                'id': next(self._ids),
                'method': method,
                'params': list(params),
                }, default=_encode).encode('utf-8')
        request = urllib.request.Request(self.url, data=body, headers={
                'Content-Type': 'application/json',
                **(headers or {}),
                })
        try:
            with urllib.request.urlopen(
                    request, timeout=self.timeout) as response:
                answer = json.loads(response.read(), object_hook=_decode)
        except urllib.error.HTTPError as error:
            error.close()
            raise ProtocolError(error.code, error.reason) from None
        if answer.get('error') is not None:
            type_, args = answer['error']
            if type_ in APPLICATION_ERRORS:
                raise RPCError(type_, args)
            raise ServerError(type_, args)
        return answer['result']

    def login(self, login, password, language='de'):
        user_id, token, *_ = self.request(
            'common.db.login', [login, {'password': password}, language])
        return Session(self, login, user_id, token)


class Session:
    "A logged in user: model and report calls with the user's context"

    def __init__(self, server, login, user_id, token):
        self.server = server
        self.login = login
        self.user_id = user_id
        self.token = token
        auth = base64.b64encode(
            f'{login}:{user_id}:{token}'.encode('utf-8')).decode('ascii')
        self.headers = {'Authorization': f'Session {auth}'}
        self.context = self.call('model.res.user.get_preferences', True, {})

    def __repr__(self):
        return f'<Session {self.login}>'

    def call(self, method, *params):
        return self.server.request(method, params, self.headers)

    def _context(self, context):
        result = dict(self.context)
        result.update(context or {})
        return result

    def model(self, model, method, *args, context=None):
        """Call method of model with args and the user's context updated
        by context"""
        return self.call(
            f'model.{model}.{method}', *args, self._context(context))

    def report(self, name, ids, data=None, context=None):
        "Return (extension, content, direct print, name) of the report"
        return self.call(
            f'report.{name}.execute', ids, data or {}, self._context(context))
