from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSlaTour(HttpCase):
    def test_breach_shows_on_the_kanban(self):
        lead = new_test_user(
            self.env,
            login="tour_sla_lead",
            groups="it_service_desk.group_it_agent,it_sla.group_sla_user",
            name="Tour SLA Lead",
        )
        team = self.env["it.team"].create(
            {"name": "Tour SLA Front", "tier": "1", "member_ids": [(6, 0, lead.ids)]}
        )
        Ticket = self.env["it.ticket"]
        late = Ticket.create({"name": "Tour SLA breached ticket", "team_id": team.id})
        on_time = Ticket.create({"name": "Tour SLA ticket on time", "team_id": team.id})
        self.assertTrue(late.sla_line_ids, "a policy of the suite applies to new tickets")
        # the timers of one ticket ran out an hour ago; the scheduled check marks the breach
        past = fields.Datetime.now() - timedelta(hours=1)
        late.sla_line_ids.write({"deadline": past, "warning_date": past - timedelta(hours=1)})
        self.env["it.sla.line"]._cron_check_sla()
        self.env.invalidate_all()
        self.assertEqual(late.sla_status, "breached")
        self.assertNotEqual(on_time.sla_status, "breached")
        self.start_tour(
            "/odoo/action-it_service_desk.it_ticket_action", "it_sla_breach_tour", login=lead.login
        )
