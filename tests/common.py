"""Shared base for the suite-level Odoo test cases (no test_ methods here).

Odoo tags a test class only when it lives under odoo.addons.<module>; the suite's own
tests live beside the addons, so they carry the tags themselves.
"""

from odoo.tests import HttpCase, TransactionCase


class _SuiteTags:
    test_tags = {"standard", "post_install"}
    test_module = "service_desk_suite"
    test_sequence = 0

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.test_class = cls.__name__


class SuiteTransactionCase(_SuiteTags, TransactionCase):
    pass


class SuiteHttpCase(_SuiteTags, HttpCase):
    pass
