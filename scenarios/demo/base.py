# This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
# top level of this repository contains the full copyright notices and
# license terms.
"""What the parts of the demo share: the database with one proteus session
per login, the clock of ir.date, the random generator, the counters of the
log and the records that one part creates and the next one uses."""
import datetime as dt
import random
import sys
import time
from collections import Counter
from zoneinfo import ZoneInfo

from proteus import Model
from proteus import config as pconfig

SEED = 20261121
PASSWORD = 'kim-demo-2026'


def weighted(rng, items):
    "Choose from [(value, weight), …]"
    values, weights = zip(*items)
    return rng.choices(values, weights=weights)[0]


def add_months(date, months):
    month = date.month - 1 + months
    year = date.year + month // 12
    month = month % 12 + 1
    day = min(date.day, 28)
    return dt.date(year, month, day)


def days(n):
    return dt.timedelta(days=n)


# The time zone of the demo organisations
TIMEZONE = ZoneInfo('Europe/Berlin')


def utc(day, hour_minute):
    "The naive UTC datetime of the local time in Musterstadt"
    local = dt.datetime.combine(day, dt.time(*hour_minute), tzinfo=TIMEZONE)
    return local.astimezone(dt.timezone.utc).replace(tzinfo=None)


class Clock:
    """Moves the date returned by ir.date.today() in this process.

    The demo replays what the users did on past days; the server started
    afterwards keeps the real clock."""

    def __init__(self, pool):
        Date = pool.get('ir.date')
        original = Date.today
        self.date = None
        clock = self

        @classmethod
        def today(cls, timezone=None):
            if clock.date is not None:
                return clock.date
            return original(timezone=timezone)
        Date.today = today

    def __call__(self, date):
        self.date = date


class Demo:
    """The demo database, run by trytond in this process.

    The parts keep here what the parts after them use: lang_de, euro,
    countries and subdivision_nw, companies (by organisation key) and
    employees (by login)."""

    def __init__(self, database, config_file, password):
        self.password = password
        self.rng = random.Random(SEED)
        self.admin_config = pconfig.set_trytond(
            database, config_file=config_file)
        self.pool = self.admin_config.pool
        self.clock = Clock(self.pool)
        self.today = dt.date.today()
        self.sessions = {}
        self.counts = Counter()
        self.employees = {}
        self.timer = time.monotonic()

    def step(self, message):
        "Log the end of a step with the time since the start"
        print(f"   [{time.monotonic() - self.timer:6.1f} s] {message}",
            flush=True)

    def warn(self, message):
        print(f"demo: WARNING: {message}", file=sys.stderr)

    # --- sessions ---------------------------------------------------------
    def session(self, login='admin', refresh=False):
        "Return the proteus config of login, sharing the initialised pool"
        if refresh or login not in self.sessions:
            self.sessions[login] = _user_config(self.admin_config, login)
        return self.sessions[login]

    def model(self, name, login='admin'):
        return Model.get(name, config=self.session(login))

    def ref(self, module, fs_id):
        "Return the id of the record defined in XML (ir.model.data)"
        from trytond.transaction import Transaction
        with Transaction().start(self.admin_config.database_name, 0):
            return self.pool.get('ir.model.data').get_id(module, fs_id)

    def rpc(self, login, model, method, *args):
        """Call method of model as login, with the values the web client
        sends: one create or write with the lines nested in it"""
        Model_ = self.model(model, login)
        return getattr(Model_._proxy, method)(
            *args, self.session(login).context)

    def activated_modules(self):
        Module = self.model('ir.module')
        return {m.name for m in Module.find([('state', '=', 'activated')])}

    def new_party(self, Party, name, street=None, postal_code='12345',
            login='admin'):
        "A party, with its address in Musterstadt if street is given"
        Country = self.model('country.country', login)
        Subdivision = self.model('country.subdivision', login)
        party = Party(name=name)
        if street:
            address, = party.addresses
            address.street_unstructured = street
            address.postal_code = postal_code
            address.city = "Musterstadt"
            address.country = Country(self.countries['DE'])
            address.subdivision = Subdivision(self.subdivision_nw)
        else:
            party.addresses.pop()
        return party


class Part:
    """The demo data of one module, built by build() on a database where
    is_loaded() is false; lookup() finds in a database where it is loaded
    what the later parts use."""
    module = None
    title = None
    # Logins: login, first name, last name, organisation, role
    staff = []
    roles = {}

    def __init__(self, demo):
        self.demo = demo
        self.rng = demo.rng
        self.counts = demo.counts
        self.today = demo.today

    def model(self, name, login='admin'):
        return self.demo.model(name, login)

    def clock(self, date):
        self.demo.clock(date)

    def is_loaded(self):
        raise NotImplementedError

    def lookup(self):
        pass

    def build(self):
        raise NotImplementedError


class Models(dict):
    "Model classes of one user, by name"

    def __init__(self, demo, login):
        super().__init__()
        self.demo = demo
        self.login = login

    def __missing__(self, name):
        model = self.demo.model(name, self.login)
        self[name] = model
        return model


def _user_config(base, login):
    "A proteus config for login that reuses the pool of base"
    from proteus.config import TrytondConfig
    from trytond.transaction import Transaction

    config = TrytondConfig.__new__(TrytondConfig)
    super(TrytondConfig, config).__init__()
    config.database = base.database
    config.database_name = base.database_name
    config._user = login
    config.config_file = base.config_file
    config.skip_warning = False
    config.pool = base.pool
    with Transaction().start(config.database_name, 0) as transaction:
        User = config.pool.get('res.user')
        with transaction.set_context(active_test=False):
            config.user, = [u.id for u in User.search(
                    [('login', '=', login)], limit=1)]
        with transaction.set_user(config.user):
            config._context = User.get_preferences(context_only=True)
    return config
