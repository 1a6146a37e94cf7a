from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CounterCase


@tagged("post_install", "-at_install")
class TestMembership(CounterCase):
    def application(self, **vals):
        values = {
            "name": "Li Hua",
            "title": "ms",
            "identity_number": "110105198001011234",
            "home_phone": "010-65123456",
            "street": "12 Jianguo Road",
            "city": "Beijing",
            "phone_bill_shown": True,
            "company_id": self.store.id,
        }
        values.update(vals)
        return self.as_user("counter.membership.application", self.staff).create(values)

    def issue(self, app):
        app.action_read_back()
        app.action_issue()
        return app.partner_id

    def test_issue_card_membership_and_sequence(self):
        app = self.application()
        self.assertIn("010-65123456", app.read_back_text)
        self.assertIn("12 Jianguo Road", app.read_back_text)
        partner = self.issue(app)
        self.assertEqual(app.state, "issued")
        self.assertTrue(partner.counter_card_number.startswith("8800"))
        self.assertEqual(partner.counter_mailer_status, "1")
        self.assertEqual(partner.counter_phone_verification, "verified")
        self.assertEqual(partner.counter_card_company_id, self.store)
        # a real Odoo membership: a paid membership line from a posted invoice
        line = partner.member_lines
        self.assertEqual(len(line), 1)
        self.assertEqual(line.membership_id, self.env.ref("retail_counter.product_member_card"))
        self.assertEqual(line.account_invoice_id.state, "posted")
        self.assertEqual(partner.membership_state, "paid")
        # the application keeps only a masked identity number
        self.assertEqual(app.identity_number, "**************1234")
        other = self.issue(self.application(name="Wu Lei", identity_number="110105198001015678"))
        self.assertNotEqual(other.counter_card_number, partner.counter_card_number)

    def test_read_back_before_issue(self):
        app = self.application()
        with self.assertRaises(UserError):
            app.action_issue()
        self.assertFalse(app.partner_id)
        app.action_read_back()
        app.action_correct()
        self.assertEqual(app.state, "draft")
        self.assertFalse(app.read_back_done)

    def test_read_back_needs_data(self):
        app = self.application(identity_number=False)
        with self.assertRaises(UserError):
            app.action_read_back()
        self.assertEqual(app.state, "draft")

    def test_bad_identity_number(self):
        with self.assertRaises(ValidationError):
            self.application(identity_number="12345")
        with self.assertRaises(ValidationError):
            self.application(identity_number="11010519800101123A")
        self.assertTrue(self.application(identity_number="11010519800101123X"))

    @freeze_time("2026-06-01 10:00:00")
    def test_missing_phone_bill_callback_next_day(self):
        app = self.application(phone_bill_shown=False)
        partner = self.issue(app)
        self.assertEqual(partner.counter_phone_verification, "pending")
        self.assertEqual(app.verification_due, date(2026, 6, 2))
        activity = app.activity_ids
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("retail_counter.mail_activity_type_counter_verification"),
        )
        self.assertEqual(activity.date_deadline, date(2026, 6, 2))
        tile = self.env.ref("retail_counter.counter_dashboard_tile_callbacks_due")
        with freeze_time("2026-06-02 09:00:00"):
            self.assertIn(app, self.env["counter.membership.application"].search(tile._domain()[1]))
        app.action_verified()
        self.assertEqual(partner.counter_phone_verification, "verified")
        self.assertFalse(app.activity_ids)
        with self.assertRaises(UserError):
            app.action_verified()

    def test_identity_visible_to_supervisors_only(self):
        partner = self.issue(self.application())
        as_staff = partner.with_user(self.staff)
        self.assertEqual(as_staff.counter_identity_masked, "**************1234")
        self.assertEqual(as_staff.counter_home_phone_masked, "********3456")
        with self.assertRaises(AccessError):
            as_staff.read(["counter_identity_number"])
        with self.assertRaises(AccessError):
            as_staff.read(["counter_home_phone"])
        self.assertEqual(
            partner.with_user(self.supervisor).counter_identity_number, "110105198001011234"
        )

    def test_company_card_needs_licence(self):
        app = self.application(is_company=True)
        with self.assertRaises(UserError):
            app.action_read_back()
        app.write({"business_licence": "91110105MA01ABCD2X", "legal_representative": "Zhang Wei"})
        partner = self.issue(app)
        self.assertTrue(partner.counter_vat_eligible)

    def test_issued_application_kept(self):
        app = self.application()
        self.issue(app)
        with self.assertRaises(UserError):
            app.unlink()
        with self.assertRaises(UserError):
            app.action_cancel()

    def test_mailer_lock_after_60_days_and_unlock_on_purchase(self):
        with freeze_time("2026-01-05 10:00:00"):
            active = self.issue(self.application())
            idle = self.issue(self.application(name="Idle", identity_number="110105198001019999"))
        Partner = self.env["res.partner"]
        with freeze_time("2026-02-20 10:00:00"):
            self.receipt("R-ACT-1", [("food", 10.0)], date=date(2026, 2, 20), partner=active)
        with freeze_time("2026-03-10 02:00:00"):
            Partner._cron_lock_mailers()
            # idempotent
            self.assertEqual(Partner._cron_lock_mailers(), (0, 0))
        self.assertEqual(idle.counter_mailer_status, "5")
        self.assertEqual(idle.counter_mailer_locked_on, date(2026, 3, 10))
        self.assertEqual(active.counter_mailer_status, "1")
        # the next purchase with the card unlocks at once
        with freeze_time("2026-03-12 10:00:00"):
            self.receipt("R-IDLE-1", [("general", 30.0)], date=date(2026, 3, 12), partner=idle)
        self.assertEqual(idle.counter_mailer_status, "1")
        self.assertEqual(idle.counter_mailer_unlocked_on, date(2026, 3, 12))
        self.assertEqual(idle.counter_last_purchase_date, date(2026, 3, 12))

    def test_mailer_cron_unlocks_purchases_recorded_elsewhere(self):
        partner = self.issue(self.application())
        partner.write({"counter_mailer_status": "5"})
        # a purchase written without the receipt hook (e.g. imported from the tills)
        partner.counter_last_purchase_date = fields.Date.today() - timedelta(days=1)
        self.env["res.partner"]._cron_lock_mailers()
        self.assertEqual(partner.counter_mailer_status, "1")


@tagged("post_install", "-at_install")
class TestMailerClaim(CounterCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls.env["res.partner"].create(
            {
                "name": "Member Wang",
                "phone": "13911112222",
                "counter_card_number": "88009999",
                "counter_mailer_status": "1",
                "street": "Old street 1",
            }
        )

    def claim(self, **vals):
        values = {"partner_id": self.member.id, "company_id": self.store.id}
        values.update(vals)
        return self.as_user("counter.mailer.claim", self.staff).create(values)

    def test_lookup_by_card_or_phone(self):
        from odoo.tests import Form

        form = Form(self.env["counter.mailer.claim"].with_user(self.staff))
        form.lookup = "13911112222"
        self.assertEqual(form.partner_id, self.member)
        form.lookup = "88009999"
        self.assertEqual(form.partner_id, self.member)

    def test_status_5_explained(self):
        self.member.counter_mailer_status = "5"
        claim = self.claim()
        self.assertEqual(claim.status_at_claim, "5")
        self.assertEqual(claim.outcome, "locked")
        self.assertEqual(claim._care_script_code(), "mailer_not_received")
        claim.action_process()
        self.assertEqual(claim.state, "explained")
        with self.assertRaises(UserError):
            claim.action_process()

    def test_status_1_recently_unlocked(self):
        self.member.counter_mailer_unlocked_on = fields.Date.today() - timedelta(days=10)
        claim = self.claim()
        self.assertEqual(claim.outcome, "recently_unlocked")

    def test_status_689_confirms_address(self):
        for status in ("6", "8", "9"):
            self.member.counter_mailer_status = status
            claim = self.claim()
            self.assertEqual(claim.outcome, "address")
            with self.assertRaises(UserError):
                claim.action_process()
            claim.confirmed_street = "New street 8"
            claim.action_process()
            self.assertEqual(claim.state, "address_confirmed")
            self.assertEqual(self.member.street, "New street 8")
            self.assertEqual(self.member.counter_mailer_status, "1")
            self.assertEqual(claim.expected_date.weekday(), 5)  # a Saturday

    def test_nothing_abnormal_goes_to_tracking_book(self):
        claim = self.claim()
        self.assertEqual(claim.outcome, "tracking")
        claim.action_process()
        self.assertEqual(claim.state, "tracking")
        self.assertTrue(claim.activity_ids)
        with self.assertRaises(UserError):
            claim.action_close()  # post office's answer missing
        claim.post_office_result = "Delivered to the wrong building"
        claim.action_close()
        self.assertEqual(claim.state, "closed")
        self.assertFalse(claim.activity_ids)
