"""Shared fixtures of the retail_counter tests (no test_ methods here)."""

from odoo.tests import TransactionCase, new_test_user


class CounterCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.store = cls.env["res.company"].create({"name": "Test Store North"})
        cls.other_store = cls.env["res.company"].create({"name": "Test Store South"})
        # a chart of accounts gives the store the sales journal its invoices go to
        cls.env["account.chart.template"].try_loading(
            "generic_coa", company=cls.store, install_demo=False
        )
        stores = [cls.store.id]

        def user(login, groups, companies=None):
            companies = companies or stores
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=companies[0],
                company_ids=[(6, 0, companies)],
                lang="en_US",
            )

        cls.staff = user("rc_staff", "retail_counter.group_counter_staff")
        cls.staff2 = user("rc_staff2", "retail_counter.group_counter_staff")
        cls.lp = user("rc_lp", "retail_counter.group_counter_loss_prevention")
        cls.supervisor = user("rc_supervisor", "retail_counter.group_counter_supervisor")
        cls.finance = user("rc_finance", "retail_counter.group_counter_finance")
        cls.south_staff = user(
            "rc_south_staff", "retail_counter.group_counter_staff", [cls.other_store.id]
        )
        cls.locker = cls.env["counter.locker"].create(
            {"tag_number": "T01", "company_id": cls.store.id}
        )
        cls.locker2 = cls.env["counter.locker"].create(
            {"tag_number": "T02", "company_id": cls.store.id}
        )
        cls.customer = cls.env["res.partner"].create({"name": "Ms. Test Customer"})

    def as_user(self, model, user, company=None):
        company = company or self.store
        return self.env[model].with_user(user).with_company(company)

    def deposit(self, user=None, **vals):
        values = {
            "locker_id": self.locker.id,
            "customer_name": "Ms. Liu",
            "bag_description": "Red backpack",
            "valuables_warned": True,
            "company_id": self.store.id,
        }
        values.update(vals)
        return self.as_user("counter.bag.deposit", user or self.staff).create(values)

    def receipt(self, name, lines, date=None, partner=None):
        vals = {
            "name": name,
            "company_id": self.store.id,
            "line_ids": [
                (0, 0, {"name": f"{category} item", "category": category, "amount": amount})
                for category, amount in lines
            ],
        }
        if date:
            vals["date"] = date
        if partner:
            vals["partner_id"] = partner.id
        return self.env["counter.receipt"].create(vals)

    def publish_script(self, code, text):
        """A published script of the test store for ``code`` (wins over shared ones)."""
        script = self.env["care.script"].create(
            {
                "code": code,
                "name": f"Test {code}",
                "company_id": self.store.id,
                "step_ids": [(0, 0, {"sequence": 10, "text": text})],
            }
        )
        script.action_publish()
        return script
