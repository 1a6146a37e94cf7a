from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CounterCase


@tagged("post_install", "-at_install")
class TestIncident(CounterCase):
    def entry(self, kind, **vals):
        values = {"kind": kind, "description": "Something happened", "company_id": self.store.id}
        values.update(vals)
        return self.as_user("counter.incident", self.staff).create(values)

    def test_complaint_goes_to_duty_manager(self):
        complaint = self.entry("complaint", resolution="Apologised, voucher given")
        with self.assertRaises(UserError):
            complaint.action_resolve()  # not received by the duty manager yet
        with self.assertRaises(UserError):
            complaint.action_escalate()  # no duty manager chosen
        complaint.duty_manager_id = self.supervisor
        complaint.action_escalate()
        self.assertEqual(complaint.state, "escalated")
        self.assertEqual(complaint.activity_ids.user_id, self.supervisor)
        with self.assertRaises(UserError):
            complaint.with_user(self.staff).action_resolve()
        complaint.with_user(self.supervisor).action_resolve()
        self.assertEqual(complaint.state, "resolved")
        self.assertFalse(complaint.activity_ids)
        self.assertTrue(complaint.name.startswith("LOG/"))

    def test_first_aid_needs_consent(self):
        entry = self.entry("first_aid", treatment="Plaster", resolution="Dressed")
        with self.assertRaises(UserError):
            entry.action_resolve()
        entry.consent_given = True
        entry.action_resolve()
        self.assertEqual(entry.state, "resolved")
        self.assertEqual(entry._care_script_code(), "minor_injury")

    def test_atm_fault_bank_and_customer_told(self):
        entry = self.entry("atm_fault", card_retained=True, resolution="Bank came")
        with self.assertRaises(UserError):
            entry.action_resolve()
        entry.bank_contacted = True
        with self.assertRaises(UserError):
            entry.action_resolve()
        entry.write(
            {
                "bank_place": "ICBC Station Road",
                "bank_time": "2026-01-02 10:00:00",
                "nearest_atm": "Car park",
            }
        )
        values = entry._care_script_values()
        self.assertEqual(values["bank_place"], "ICBC Station Road")
        self.assertEqual(values["atm_location"], "Car park")
        entry.action_resolve()
        self.assertEqual(entry.state, "resolved")

    def test_fight_reported_to_police_and_leader(self):
        entry = self.entry("fight", resolution="Police took over")
        with self.assertRaises(UserError):
            entry.action_resolve()
        entry.write({"police_station": "Jianguo Road station", "store_leader_informed": True})
        entry.action_resolve()
        self.assertEqual(entry.state, "resolved")

    def test_counterfeit_script(self):
        entry = self.entry("change", amount=100)
        self.assertEqual(entry._care_script_code(), "change_making")
        entry.counterfeit_suspected = True
        self.assertEqual(entry._care_script_code(), "counterfeit_banknote")

    def test_resolution_required_and_no_double_resolve(self):
        entry = self.entry("packaging")
        with self.assertRaises(UserError):
            entry.action_resolve()
        entry.resolution = "Packed"
        entry.action_resolve()
        with self.assertRaises(UserError):
            entry.action_resolve()

    def test_logs_kept(self):
        entry = self.entry("packaging")
        with self.assertRaises(UserError):
            entry.unlink()
