from odoo.exceptions import AccessError

from .common import CmdbCase


class TestDeskLinks(CmdbCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.build_estate()

    def test_ci_shows_its_open_incidents(self):
        Ticket = self.env["it.ticket"]
        open_ticket = Ticket.create({"name": "DB slow", "ci_ids": [(6, 0, self.db.ids)]})
        solved = Ticket.create({"name": "DB down", "ci_ids": [(6, 0, self.db.ids)]})
        solved.action_resolve("Restarted")
        self.assertEqual(self.db.ticket_ids, open_ticket | solved)
        self.assertEqual(self.db.open_ticket_count, 1)
        action = self.db.action_open_tickets()
        self.assertEqual(Ticket.search(action["domain"]), open_ticket)
        self.assertEqual(self.srv1.open_ticket_count, 0)

    def test_major_incident_lists_services_and_users_hit(self):
        incident = self.env["it.major.incident"].create(
            {"name": "Core switch failure", "ci_ids": [(6, 0, self.switch.ids)]}
        )
        self.assertEqual(incident.impacted_service_ids, self.svc)
        self.assertEqual(incident.impacted_partner_ids, self.partner_user | self.pc_holder)
        system = self.env["it.business.system"].create({"name": "Billing", "code": "BILL-T"})
        self.svc.business_system_id = system
        incident.action_subscribe_impacted_users()
        self.assertLessEqual(self.partner_user | self.pc_holder, incident.partner_ids)
        self.assertIn(system, incident.system_ids)
        self.assertEqual(self.switch.major_incident_ids, incident)

    def test_problem_references_items(self):
        problem = self.env["it.problem"].create(
            {"name": "Recurring DB locks", "ci_ids": [(6, 0, (self.db | self.srv2).ids)]}
        )
        self.assertEqual(self.db.problem_ids, problem)
        self.assertEqual(self.srv2.problem_ids, problem)

    def test_agent_links_ticket_to_items_but_cannot_edit_them(self):
        team = self.env["it.team"].create(
            {"name": "CMDB test desk", "member_ids": [(6, 0, self.agent.ids)]}
        )
        ticket = (
            self.env["it.ticket"]
            .with_user(self.agent)
            .create(
                {"name": "PC will not boot", "team_id": team.id, "ci_ids": [(6, 0, self.pc.ids)]}
            )
        )
        self.assertEqual(ticket.ci_ids, self.pc)
        self.assertEqual(self.pc.with_user(self.agent).open_ticket_count, 1)
        with self.assertRaises(AccessError):
            self.pc.with_user(self.agent).write({"name": "Renamed"})
