from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import CounterCase


@tagged("post_install", "-at_install")
class TestBagDeposit(CounterCase):
    def test_deposit_needs_valuables_warning(self):
        with self.assertRaises(ValidationError):
            self.deposit(valuables_warned=False)
        self.assertFalse(
            self.env["counter.bag.deposit"].search([("locker_id", "=", self.locker.id)])
        )

    def test_tag_number_from_locker(self):
        bag = self.deposit()
        self.assertEqual(bag.name, "T01")
        self.assertTrue(self.locker.occupied)
        self.assertEqual(self.locker.current_deposit_id, bag)

    def test_one_customer_per_locker(self):
        self.deposit()
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.deposit(customer_name="Mr. Other")
        # another locker is fine
        other = self.deposit(locker_id=self.locker2.id, customer_name="Mr. Other")
        self.assertEqual(other.state, "deposited")

    def test_pick_up_with_matching_tag(self):
        bag = self.deposit()
        bag.with_user(self.staff).action_pick_up(" T01 ")
        self.assertEqual(bag.state, "picked_up")
        self.assertEqual(bag.pickup_user_id, self.staff)
        self.assertFalse(self.locker.occupied)
        # the locker is free again
        self.assertEqual(self.deposit(customer_name="Next").state, "deposited")

    def test_pick_up_wrong_tag_refused(self):
        bag = self.deposit()
        with self.assertRaises(UserError):
            bag.with_user(self.staff).action_pick_up("T02")
        self.assertEqual(bag.state, "deposited")
        self.assertFalse(bag.pickup_time)

    def test_pick_up_twice_refused(self):
        bag = self.deposit()
        bag.action_pick_up("T01")
        with self.assertRaises(UserError):
            bag.action_pick_up("T01")

    def test_pickup_wizard(self):
        bag = self.deposit()
        wizard = Form(
            self.env["counter.bag.pickup"]
            .with_user(self.staff)
            .with_context(default_deposit_id=bag.id)
        )
        wizard.presented_tag = "T01"
        wizard.save().action_confirm()
        self.assertEqual(bag.state, "picked_up")

    def test_lost_tag_needs_document_description_and_manager(self):
        bag = self.deposit()
        with self.assertRaises(UserError):
            bag.with_user(self.staff).action_pick_up_lost_tag(
                False, "red backpack", self.supervisor
            )
        with self.assertRaises(UserError):
            bag.with_user(self.staff).action_pick_up_lost_tag("ID ****1234", " ", self.supervisor)
        # a plain colleague is not a duty manager
        with self.assertRaises(UserError):
            bag.with_user(self.staff).action_pick_up_lost_tag("ID ****1234", "red", self.staff2)
        self.assertEqual(bag.state, "deposited")
        wizard = (
            self.env["counter.bag.pickup"]
            .with_user(self.staff)
            .create(
                {
                    "deposit_id": bag.id,
                    "lost_tag": True,
                    "document_number": "110105198001011234",
                    "description": "Red backpack with a panda keyring",
                    "manager_id": self.supervisor.id,
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(bag.state, "picked_up")
        self.assertTrue(bag.lost_tag)
        self.assertEqual(bag.lost_tag_manager_id, self.supervisor)
        # only the last digits are kept, on the deposit and in the wizard
        self.assertTrue(bag.lost_tag_document.endswith("1234"))
        self.assertNotIn("11010519800101", bag.lost_tag_document)
        self.assertFalse(wizard.document_number)

    def test_left_at_closing_needs_duty_manager_and_inventory(self):
        bag = self.deposit(phone="13800138000")
        with self.assertRaises(UserError):
            bag.action_mark_left()
        bag.duty_manager_id = self.staff2
        bag.inventory_note = "Two shirts"
        with self.assertRaises(UserError):
            bag.action_mark_left()
        bag.duty_manager_id = self.supervisor
        bag.inventory_note = False
        with self.assertRaises(UserError):
            bag.action_mark_left()
        self.assertEqual(bag.state, "deposited")

    @freeze_time("2026-03-02 21:30:00")
    def test_left_bag_contact_then_security_after_a_week(self):
        known = self.deposit(
            phone="13800138000", duty_manager_id=self.supervisor.id, inventory_note="Shirts"
        )
        unknown = self.deposit(
            locker_id=self.locker2.id, duty_manager_id=self.supervisor.id, inventory_note="Books"
        )
        (known | unknown).action_mark_left()
        self.assertEqual(known.state, "left")
        self.assertEqual(known.held_until, fields.Datetime.now() + timedelta(days=7))
        # the customer with a phone is called the next day
        activity = known.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(str(activity.date_deadline), "2026-03-03")
        self.assertFalse(unknown.activity_ids)
        known.action_contacted()
        self.assertTrue(known.contacted_time)
        self.assertFalse(known.activity_ids)
        Deposit = self.env["counter.bag.deposit"]
        with freeze_time("2026-03-08 21:00:00"):
            Deposit._cron_apply_bag_deadlines()
        self.assertEqual(unknown.state, "left")
        with freeze_time("2026-03-09 22:00:00"):
            Deposit._cron_apply_bag_deadlines()
            # idempotent
            self.assertEqual(Deposit._cron_apply_bag_deadlines(), 0)
        self.assertEqual((known | unknown).mapped("state"), ["security", "security"])
        self.assertTrue(unknown.security_time)

    def test_left_bag_can_still_be_picked_up(self):
        bag = self.deposit(duty_manager_id=self.supervisor.id, inventory_note="Shirts")
        bag.action_mark_left()
        bag.action_pick_up("T01")
        self.assertEqual(bag.state, "picked_up")

    def test_damage_report(self):
        bag = self.deposit()
        action = bag.action_report_damage()
        report = (
            self.env["counter.incident"]
            .with_context(**action["context"])
            .create({"description": "Zip torn", "company_id": self.store.id})
        )
        self.assertEqual(report.kind, "bag_damage")
        self.assertEqual(bag.incident_ids, report)
        report.resolution = "Repaired at the store's cost"
        with self.assertRaises(UserError):
            report.action_resolve()  # apologise first
        report.apologised = True
        report.action_resolve()
        self.assertEqual(report.state, "resolved")

    def test_deposit_cannot_be_deleted(self):
        bag = self.deposit()
        with self.assertRaises(UserError):
            bag.unlink()

    def test_other_store_does_not_see_deposits(self):
        bag = self.deposit()
        visible = self.env["counter.bag.deposit"].with_user(self.south_staff).search([])
        self.assertNotIn(bag, visible)

    def test_staff_cannot_configure_lockers(self):
        from odoo.exceptions import AccessError

        with self.assertRaises(AccessError):
            self.as_user("counter.locker", self.staff).create({"tag_number": "Z9"})
