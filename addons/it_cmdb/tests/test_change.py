from datetime import datetime, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import CmdbCase


class TestChange(CmdbCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.build_estate()
        cls.new_room = cls.env["it.ci.location"].create({"name": "Room B"})
        cls.Change = cls.env["it.change"].with_user(cls.change_manager)
        cls.serial_field = "serial"
        cls.location_field = "location_id"
        cls.warranty_field = "warranty_end"

    def make_change(self, change_type="normal", **vals):
        return self.Change.create(
            {
                "name": "Move DB server",
                "change_type": change_type,
                "ci_ids": [(6, 0, self.srv2.ids)],
                **vals,
            }
        )

    def window(self, change):
        start = datetime.now() + timedelta(days=1)
        change.write({"date_start": start, "date_end": start + timedelta(hours=2)})

    def add_update(self, change, ci, field, value):
        return (
            self.env["it.change.ci.update"]
            .with_user(self.change_manager)
            .create(
                {"change_id": change.id, "ci_id": ci.id, "field_name": field, "new_value": value}
            )
        )

    # ------------------------------------------------------------- types
    def test_standard_change_is_pre_approved_and_updates_cmdb(self):
        change = self.make_change("standard", causes_downtime=False)
        self.assertTrue(change.ref.startswith("CHG-"))
        update = self.add_update(change, self.srv2, self.location_field, "Room B")
        self.add_update(change, self.srv2, self.serial_field, "NEW-SN")
        change.action_submit()
        self.assertEqual(change.state, "approved")
        change.action_start()
        self.assertEqual(change.state, "in_progress")
        change.action_done()
        self.assertEqual(change.state, "done")
        self.assertEqual(self.srv2.location_id, self.new_room)
        self.assertEqual(self.srv2.serial, "NEW-SN")
        self.assertTrue(update.applied)
        self.assertEqual(update.old_value, "")
        self.assertIn(change, self.srv2.change_ids)
        notes = self.srv2.message_ids.filtered(lambda m: change.ref in (m.body or ""))
        self.assertEqual(len(notes), 2)
        self.assertIn("Room B", notes.mapped("body")[-1] + notes.mapped("body")[0])

    def test_normal_change_needs_every_approver(self):
        change = self.make_change(approver_ids=[(6, 0, (self.approver1 | self.approver2).ids)])
        change.action_submit()
        self.assertEqual(change.state, "approval")
        self.assertEqual(change.approval_ids.user_id, self.approver1 | self.approver2)
        approval_type = self.env.ref("it_cmdb.mail_activity_change_approval")
        self.assertEqual(
            change.activity_ids.filtered(lambda a: a.activity_type_id == approval_type).user_id,
            self.approver1 | self.approver2,
        )
        as1 = change.with_user(self.approver1)
        self.assertTrue(as1.approval_pending_mine)
        self.assertIn(
            change,
            self.env["it.change"]
            .with_user(self.approver1)
            .search([("approval_pending_mine", "=", True)]),
        )
        as1.action_approve()
        self.assertEqual(change.state, "approval")
        with self.assertRaises(AccessError):
            as1.action_approve()  # decided already
        change.with_user(self.approver2).action_approve()
        self.assertEqual(change.state, "approved")
        self.assertFalse(
            change.activity_ids.filtered(lambda a: a.activity_type_id == approval_type)
        )

    def test_one_rejection_rejects(self):
        change = self.make_change(approver_ids=[(6, 0, (self.approver1 | self.approver2).ids)])
        change.action_submit()
        change.approval_ids.filtered(lambda a: a.user_id == self.approver2).with_user(
            self.approver2
        ).comment = "No rollback plan"
        change.with_user(self.approver2).action_reject()
        self.assertEqual(change.state, "rejected")
        self.assertIn("No rollback plan", change.message_ids[0].body)
        with self.assertRaises(UserError):
            change.with_user(self.approver1).action_approve()
        change.action_draft()
        self.assertEqual(change.state, "draft")
        self.assertFalse(change.approval_ids)

    def test_default_change_board_from_settings(self):
        self.env["res.config.settings"].create(
            {"it_change_board_ids": [(6, 0, (self.approver1 | self.approver2).ids)]}
        ).execute()
        change = self.make_change()
        self.assertEqual(change.approver_ids, self.approver1 | self.approver2)
        change.action_submit()
        self.assertEqual(len(change.approval_ids), 2)

    def test_normal_change_refusals(self):
        change = self.make_change()
        with self.assertRaises(UserError):
            change.action_submit()  # no change board
        self.assertEqual(change.state, "draft")
        change.approver_ids = self.approver1
        change.action_submit()
        with self.assertRaises(AccessError):
            change.with_user(self.approver2).action_approve()  # not on this board
        with self.assertRaises(AccessError):
            change.with_user(self.change_manager).action_approve()
        with self.assertRaises(AccessError):
            change.with_user(self.approver1).write({"name": "Changed by approver"})
        with self.assertRaises(AccessError):
            change.with_user(self.approver1).action_schedule()
        other_line = change.approval_ids
        with self.assertRaises(AccessError):
            other_line.with_user(self.approver2).write({"state": "approved"})
        self.assertEqual(change.state, "approval")
        change.with_user(self.approver1).action_approve()
        with self.assertRaises(UserError):
            change.action_start()  # a normal change is scheduled first
        with self.assertRaises(UserError):
            change.action_schedule()  # no window
        self.assertEqual(change.state, "approved")

    def test_agent_cannot_raise_a_change(self):
        with self.assertRaises(AccessError):
            self.env["it.change"].with_user(self.agent).create({"name": "Nope"})
        change = self.make_change()
        self.assertEqual(change.with_user(self.agent).name, "Move DB server")
        with self.assertRaises(AccessError):
            change.with_user(self.agent).action_submit()

    def test_wrong_state(self):
        change = self.make_change("standard")
        with self.assertRaises(UserError):
            change.action_done()
        with self.assertRaises(UserError):
            change.action_review()
        self.assertEqual(change.state, "draft")
        empty = self.Change.create({"name": "Nothing", "change_type": "standard"})
        with self.assertRaises(UserError):
            empty.action_submit()  # no item named
        with self.assertRaises(UserError):
            change.action_start()

    def test_bad_window_refused(self):
        change = self.make_change()
        now = datetime.now()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            change.write({"date_start": now, "date_end": now - timedelta(hours=1)})
            change.flush_recordset()

    # ------------------------------------------------------------- schedule
    def test_schedule_publishes_downtime_notice(self):
        change = self.make_change("standard")
        change.action_submit()
        self.window(change)
        change.action_schedule()
        notice = change.downtime_notice_id
        self.assertEqual(change.state, "scheduled")
        self.assertEqual(notice.state, "published")
        self.assertEqual(notice.date_start, change.date_start)
        # srv2 hosts the billing DB: the billing users are told
        self.assertEqual(notice.partner_ids, self.partner_user)
        self.assertIn("Billing", str(notice.description))
        change.action_cancel()
        self.assertEqual(notice.state, "cancelled")

    def test_done_closes_the_notice(self):
        change = self.make_change("standard")
        change.action_submit()
        self.window(change)
        change.action_schedule()
        change.action_start()
        change.action_done()
        self.assertEqual(change.downtime_notice_id.state, "done")

    # ------------------------------------------------------------- emergency
    def test_emergency_fast_path_then_review(self):
        change = self.make_change("emergency", causes_downtime=False)
        change.action_submit()
        self.assertEqual(change.state, "approved")
        change.action_start()
        change.action_done()
        self.assertTrue(change.review_required)
        review_type = self.env.ref("it_cmdb.mail_activity_change_review")
        self.assertTrue(change.activity_ids.filtered(lambda a: a.activity_type_id == review_type))
        with self.assertRaises(UserError):
            change.action_review()  # nothing written yet
        self.assertFalse(change.review_done)
        change.write({"review_result": "success", "review_notes": "<p>Fine</p>"})
        change.action_review()
        self.assertTrue(change.review_done)
        self.assertEqual(change.reviewed_by_id, self.change_manager)

    # ------------------------------------------------------------- failure
    def test_failed_change_and_incidents_it_caused(self):
        change = self.make_change("emergency", causes_downtime=False)
        update = self.add_update(change, self.srv2, self.serial_field, "NEVER")
        change.action_submit()
        change.action_start()
        change.action_fail()
        self.assertEqual(change.state, "failed")
        self.assertTrue(change.review_required)
        self.assertFalse(update.applied)
        self.assertNotEqual(self.srv2.serial, "NEVER")
        ticket = self.env["it.ticket"].create(
            {"name": "Billing down after change", "caused_by_change_id": change.id}
        )
        self.assertEqual(change.caused_ticket_ids, ticket)
        self.assertEqual(change.caused_ticket_count, 1)
        draft = self.make_change()
        with self.assertRaises(ValidationError):
            self.env["it.ticket"].create({"name": "Impossible", "caused_by_change_id": draft.id})

    # ------------------------------------------------------------- updates
    def test_update_values_validated(self):
        change = self.make_change()
        with self.assertRaises(ValidationError):
            self.add_update(change, self.srv2, self.warranty_field, "31/12/2027")
        with self.assertRaises(ValidationError):
            self.add_update(change, self.srv2, self.location_field, "Nowhere")
        with self.assertRaises(ValidationError):
            self.add_update(change, self.srv2, "state", "retired")  # not updatable
        self.assertFalse(change.update_ids)
        update = self.add_update(change, self.db, self.warranty_field, "2027-12-31")
        self.assertIn(self.db, change.ci_ids)  # the updated item joins the change
        self.assertEqual(str(update._convert_value()), "2027-12-31")

    def test_no_update_once_done(self):
        change = self.make_change("standard", causes_downtime=False)
        change.action_submit()
        change.action_start()
        change.action_done()
        with self.assertRaises(UserError):
            self.add_update(change, self.srv2, self.serial_field, "LATE")

    def test_locked_cmdb_changes_only_through_change(self):
        self.env["ir.config_parameter"].sudo().set_param("it_cmdb.lock_controlled_fields", "1")
        with self.assertRaises(UserError):
            self.srv2.write({"serial": "DIRECT"})
        change = self.make_change("standard", causes_downtime=False)
        self.add_update(change, self.srv2, self.serial_field, "VIA-CHANGE")
        change.action_submit()
        change.action_start()
        change.action_done()
        self.assertEqual(self.srv2.serial, "VIA-CHANGE")

    def test_impacted_services_on_change(self):
        change = self.make_change()
        self.assertEqual(change.impacted_service_ids, self.svc)
        self.assertEqual(change.impacted_partner_ids, self.partner_user)

    def test_multi_company_change_rule(self):
        other = self.env["res.company"].create({"name": "Other Co"})
        foreign = self.env["it.change"].create({"name": "Elsewhere", "company_id": other.id})
        found = (
            self.env["it.change"].with_user(self.change_manager).search([("id", "=", foreign.id)])
        )
        self.assertFalse(found)

    def test_delete_only_draft(self):
        change = self.make_change("standard", causes_downtime=False)
        change.action_submit()
        with self.assertRaises(UserError):
            change.unlink()
        draft = self.make_change()
        draft.unlink()
        self.assertFalse(draft.exists())
