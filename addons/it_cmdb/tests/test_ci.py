from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from .common import CmdbCase


class TestCi(CmdbCase):
    def test_asset_number_per_class_sequence(self):
        srv_a = self.make_ci("A", self.cls_server)
        srv_b = self.make_ci("B", self.cls_server)
        pc = self.make_ci("C", self.cls_pc)
        self.assertTrue(srv_a.asset_number.startswith("SRV-"))
        self.assertTrue(pc.asset_number.startswith("PC-"))
        self.assertNotEqual(srv_a.asset_number, srv_b.asset_number)
        self.assertIn(srv_a.asset_number, srv_a.display_name)

    def test_new_class_gets_its_own_sequence(self):
        phone_class = self.env["it.ci.class"].create({"name": "Phone", "code": "tel"})
        self.assertTrue(phone_class.sequence_id)
        phone = self.make_ci("Desk phone", phone_class)
        self.assertTrue(phone.asset_number.startswith("TEL-"))

    def test_asset_number_unique_in_database(self):
        self.make_ci("A", self.cls_server, asset_number="X-1")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.make_ci("B", self.cls_pc, asset_number="X-1")

    def test_class_required_and_start_in_stock(self):
        with self.assertRaises(UserError):
            self.CI.create({"name": "No class"})
        with self.assertRaises(UserError):
            self.make_ci("Issued already", self.cls_pc, state="issued")

    def test_class_attributes(self):
        server = self.make_ci(
            "Attr", self.cls_server, ci_properties={"hostname": "bill-01", "cpu_cores": 16}
        )
        values = dict(server.ci_properties)
        self.assertEqual(values["hostname"], "bill-01")
        self.assertEqual(values["cpu_cores"], 16)
        self.assertNotIn("form_factor", values)  # a PC attribute, not a server one

    def test_state_transitions(self):
        ci = self.make_ci("Printer", self.cls_server)
        ci.action_send_to_repair()
        self.assertEqual(ci.state, "in_repair")
        with self.assertRaises(UserError):
            ci.action_send_to_repair()
        ci.action_back_in_stock()
        self.assertEqual(ci.state, "in_stock")
        ci.action_retire()
        self.assertEqual(ci.state, "retired")
        with self.assertRaises(UserError):
            ci.write({"state": "in_stock"})
        with self.assertRaises(UserError):
            ci.action_retire()
        self.assertEqual(ci.state, "retired")

    def test_state_change_is_tracked(self):
        ci = self.make_ci("Tracked", self.cls_server)
        self.env.flush_all()
        self.cr.flush()
        ci.action_send_to_repair()
        self.env.flush_all()
        self.cr.flush()  # tracking values are written when the transaction is flushed
        ci.invalidate_recordset(["message_ids"])
        tracked = ci.message_ids.tracking_value_ids.filtered(lambda t: t.field_id.name == "state")
        self.assertTrue(tracked)

    def test_agent_reads_but_cannot_write(self):
        ci = self.make_ci("Read only", self.cls_server)
        self.assertEqual(ci.with_user(self.agent).name, "Read only")
        with self.assertRaises(AccessError):
            ci.with_user(self.agent).write({"name": "Hacked"})
        with self.assertRaises(AccessError):
            self.CI.with_user(self.agent).create({"name": "New", "class_id": self.cls_pc.id})
        with self.assertRaises(AccessError):
            ci.with_user(self.employee).read(["name"])
        self.assertEqual(ci.name, "Read only")

    def test_multi_company_rule(self):
        other = self.env["res.company"].create({"name": "Other Co"})
        foreign = self.make_ci("Foreign", self.cls_server, company_id=other.id)
        mine = self.make_ci("Mine", self.cls_server)
        visible = self.CI.with_user(self.cmdb_manager).search([("id", "in", (foreign | mine).ids)])
        self.assertEqual(visible, mine)

    def test_deletion_refused_with_history(self):
        pc = self.make_ci("PC", self.cls_pc)
        self.env["it.ci.issue.wizard"].create(
            {"ci_ids": [(6, 0, pc.ids)], "user_id": self.employee.id, "print_form": False}
        ).action_confirm()
        with self.assertRaises(UserError):
            pc.unlink()
        self.assertTrue(pc.exists())
        blank = self.make_ci("Blank", self.cls_pc)
        blank.unlink()
        self.assertFalse(blank.exists())

    def test_controlled_fields_locked_by_setting(self):
        ci = self.make_ci("Locked", self.cls_server, serial="S1")
        ci.write({"serial": "S2"})  # unlocked by default
        self.env["res.config.settings"].create({"it_cmdb_lock_controlled_fields": True}).execute()
        with self.assertRaises(UserError):
            ci.write({"serial": "S3"})
        with self.assertRaises(UserError):
            ci.write({"location_id": self.location.id})
        self.assertEqual(ci.serial, "S2")
        ci.write({"name": "Renamed"})  # not a controlled field
        self.assertEqual(ci.name, "Renamed")

    def test_warranty_expiring_filter(self):
        with freeze_time("2026-03-01"):
            soon = self.make_ci("Soon", self.cls_server, warranty_end=date(2026, 3, 20))
            late = self.make_ci("Late", self.cls_server, warranty_end=date(2026, 9, 1))
            past = self.make_ci("Past", self.cls_server, warranty_end=date(2026, 1, 1))
            ids = (soon | late | past).ids
            found = self.CI.search([("warranty_expiring", "=", True), ("id", "in", ids)])
            self.assertEqual(found, soon)
            others = self.CI.search([("warranty_expiring", "=", False), ("id", "in", ids)])
            self.assertEqual(others, late | past)
            self.assertTrue(soon.warranty_expiring)
            self.assertFalse(late.warranty_expiring)

    def test_warranty_cron_idempotent(self):
        activity_type = self.env.ref("it_cmdb.mail_activity_warranty_expiry")
        with freeze_time("2026-03-01"):
            soon = self.make_ci(
                "Soon",
                self.cls_server,
                warranty_end=date(2026, 3, 20),
                user_id=self.cmdb_manager.id,
            )
            late = self.make_ci("Late", self.cls_server, warranty_end=date(2026, 9, 1))
            retired = self.make_ci("Gone", self.cls_server, warranty_end=date(2026, 3, 5))
            retired.action_retire()
            self.CI._cron_remind_warranty()
            self.CI._cron_remind_warranty()

            def reminders(ci):
                return ci.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)

            self.assertEqual(len(reminders(soon)), 1)
            self.assertEqual(reminders(soon).user_id, self.cmdb_manager)
            self.assertEqual(reminders(soon).date_deadline, date(2026, 3, 20))
            self.assertFalse(reminders(late))
            self.assertFalse(reminders(retired))

    def test_class_counts_and_action(self):
        self.make_ci("Counted", self.cls_db)
        count = self.CI.search_count([("class_id", "=", self.cls_db.id)])
        self.assertEqual(self.cls_db.ci_count, count)
        self.assertIn(("class_id", "=", self.cls_db.id), self.cls_db.action_open_cis()["domain"])
