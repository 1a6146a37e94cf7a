from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import DeskCase


@tagged("post_install", "-at_install")
class TestMajorIncident(DeskCase):
    def test_declare_from_ticket(self):
        ticket = self._ticket(region_id=self.region.id)
        with self.assertRaises(UserError):
            ticket.with_user(self.agent).action_declare_major_incident()
        action = ticket.with_user(self.mim).action_declare_major_incident()
        incident = self.env["it.major.incident"].browse(action["res_id"])
        self.assertEqual(ticket.major_incident_id, incident)
        self.assertEqual(incident.origin_ticket_id, ticket)
        self.assertEqual(incident.system_ids, self.system)
        self.assertEqual(incident.region_ids, self.region)
        self.assertIn(self.requester, incident.partner_ids)
        self.assertTrue(incident.ref.startswith("MI"))
        self.assertEqual(incident.ticket_count, 1)
        self.assertEqual(ticket._care_script_code(), "desk_major_incident_notice")

    def test_agent_cannot_declare_from_scratch(self):
        with self.assertRaises(AccessError):
            self.env["it.major.incident"].with_user(self.agent).create({"name": "x"})

    def test_status_updates_notify_subscribers(self):
        incident = (
            self.env["it.major.incident"]
            .with_user(self.mim)
            .create({"name": "CRM down", "partner_ids": [(6, 0, (self.requester | self.vip).ids)]})
        )
        with self.assertRaises(UserError):
            incident.action_post_update("")
        wizard = (
            self.env["it.major.incident.update.wizard"]
            .with_user(self.mim)
            .create({"incident_id": incident.id, "body": "<p>Database failover in progress</p>"})
        )
        wizard.action_post()
        self.assertEqual(len(incident.update_ids), 1)
        message = incident.message_ids.filtered(lambda m: "failover" in (m.body or ""))
        self.assertTrue(message)
        self.assertEqual(set(message.partner_ids.ids), {self.requester.id, self.vip.id})
        self.assertTrue(incident.date_last_update)

    def test_cron_reminds_once_when_update_due(self):
        with freeze_time("2026-05-01 08:00:00"):
            incident = (
                self.env["it.major.incident"]
                .with_user(self.mim)
                .create(
                    {
                        "name": "Network outage",
                        "update_interval": 30,
                        "date_declared": datetime(2026, 5, 1, 8, 0),
                    }
                )
            )
        self.assertEqual(incident.date_next_update, datetime(2026, 5, 1, 8, 30))
        Incident = self.env["it.major.incident"]
        with freeze_time("2026-05-01 08:20:00"):
            Incident._cron_remind_updates()
        self.assertFalse(incident.activity_ids)
        with freeze_time("2026-05-01 08:31:00"):
            Incident._cron_remind_updates()
            Incident._cron_remind_updates()
        self.assertEqual(len(incident.activity_ids), 1, "reminded once, not on every run")
        self.assertEqual(incident.activity_ids.user_id, self.mim)
        with freeze_time("2026-05-01 08:40:00"):
            incident.with_user(self.mim).action_post_update("<p>update</p>")
        self.assertEqual(incident.date_next_update, datetime(2026, 5, 1, 9, 10))
        with freeze_time("2026-05-01 09:11:00"):
            Incident._cron_remind_updates()
        self.assertEqual(len(incident.activity_ids), 2)

    def test_resolve_and_close_needs_report(self):
        incident = self.env["it.major.incident"].with_user(self.mim).create({"name": "Outage"})
        with self.assertRaises(UserError):
            incident.action_close()
        incident.action_resolve()
        self.assertEqual(incident.state, "resolved")
        self.assertFalse(incident.date_next_update, "no more updates due")
        with self.assertRaises(UserError):
            incident.action_post_update("<p>late</p>")
        with self.assertRaises(UserError):
            incident.action_close()
        incident.post_incident_report = "<p>Root cause: disk full</p>"
        incident.action_close()
        self.assertEqual(incident.state, "closed")
        with self.assertRaises(UserError):
            incident.with_context(it_ticket_id=self._ticket().id).action_attach_from_context()

    def test_pdf_post_incident_report(self):
        incident = self.env["it.major.incident"].create(
            {"name": "Outage", "post_incident_report": "<p>Timeline</p>"}
        )
        html = self.env["ir.actions.report"]._render_qweb_html(
            "it_service_desk.action_report_major_incident", incident.ids
        )[0]
        self.assertIn(b"Timeline", html)
