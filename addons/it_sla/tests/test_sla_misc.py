from freezegun import freeze_time

from odoo.addons.it_sla.hooks import post_init_hook
from odoo.tests import Form, new_test_user

from .common import SlaCase, local


class TestSlaMisc(SlaCase):
    def test_install_hook_covers_open_tickets(self):
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket()
        ticket.sla_line_ids.unlink()
        self.assertFalse(ticket.sla_line_ids)
        post_init_hook(self.env)
        self.assertEqual(set(ticket.sla_line_ids.mapped("target_type")), {"response", "resolution"})

    def test_archived_ticket_stops_its_clocks(self):
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket()
        ticket.active = False
        self.assertEqual(set(ticket.sla_line_ids.mapped("status")), {"cancelled"})
        result = self.env["it.sla.line"]._cron_check_sla(now=local("2026-12-30 09:00"))
        self.assertEqual(result["breached"], 0)

    def test_multi_company_isolation(self):
        other = self.env["res.company"].create({"name": "SLA other company"})
        calendar = self.office.copy({"company_id": other.id})
        self.env["it.sla.policy"].create(
            {
                "name": "Other company SLA",
                "sequence": 1,
                "company_id": other.id,
                "calendar_id": calendar.id,
                "response_hours": 1,
                "resolution_hours": 2,
            }
        )
        ticket = (
            self.env["it.ticket"]
            .with_company(other)
            .create({"name": "Other company ticket", "company_id": other.id})
        )
        self.assertEqual(ticket.sla_policy_id.company_id, other)
        self.assertEqual(ticket.sla_line_ids.company_id, other)
        viewer = new_test_user(
            self.env,
            login="sla_viewer_a",
            groups="it_sla.group_sla_user",
            company_id=self.env.company.id,
            company_ids=[(6, 0, self.env.company.ids)],
        )
        Line = self.env["it.sla.line"].with_user(viewer)
        self.assertFalse(Line.search([("id", "in", ticket.sla_line_ids.ids)]))
        self.assertFalse(
            self.env["it.sla.policy"].with_user(viewer).search([("company_id", "=", other.id)])
        )

    def test_demo_policies(self):
        policies = (
            self.env["it.sla.policy"]
            .with_context(active_test=False)
            .search([("name", "like", "VIP")])
        )
        if not self.env.ref("it_sla.sla_policy_vip_critical", raise_if_not_found=False):
            self.skipTest("installed without demo data")
        self.assertTrue(policies)
        vip = self.env.ref("it_sla.sla_policy_vip_critical")
        self.assertEqual(vip.calendar_id, self.h24)
        self.assertEqual(vip.customer_class, "vip")
        office = self.env.ref("it_sla.sla_policy_normal_standard")
        self.assertEqual(office.calendar_id.tz, "Asia/Shanghai")
        self.assertTrue(office.calendar_id.leave_ids)

    def test_policy_form(self):
        with Form(self.env["it.sla.policy"]) as form:
            form.name = "Form made"
            form.sequence = 3
            form.priority = "2"
            form.customer_class = "normal"
            form.calendar_id = self.office
            form.response_hours = 0.5
            form.resolution_hours = 6
            with form.escalation_ids.new() as level:
                level.level = 1
                level.notify = "leader"
        policy = form.record
        self.assertEqual(policy.escalation_ids.notify, "leader")
        ticket = self.make_ticket(impact="1", urgency="2")
        self.assertEqual(ticket.priority, "2")
        self.assertEqual(ticket.sla_policy_id, policy)

    def test_desk_lifecycle_methods(self):
        """The desk's own transitions drive the timers (start, wait, resolve, reopen)."""
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket()
        with freeze_time(local("2026-12-07 09:30")):
            ticket.with_user(self.agent).action_start()
        self.assertEqual(self.line(ticket, "response").status, "met")
        self.assertEqual(ticket.date_first_response, local("2026-12-07 09:30"))
        with freeze_time(local("2026-12-07 10:00")):
            ticket.with_user(self.agent).action_wait()
        self.assertEqual(self.line(ticket, "resolution").status, "paused")
        with freeze_time(local("2026-12-07 11:00")):
            ticket.with_user(self.agent).action_start()
        resolution = self.line(ticket, "resolution")
        self.assertEqual(resolution.status, "running")
        self.assertEqual(resolution.paused_hours, 1.0)
        with freeze_time(local("2026-12-07 12:00")):
            ticket.with_user(self.agent).action_resolve(resolution="<p>Replaced the cable</p>")
        self.assertEqual(resolution.status, "met")
        self.assertEqual(resolution.working_hours, 2.0)
