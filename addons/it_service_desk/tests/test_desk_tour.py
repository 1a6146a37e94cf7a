from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDeskTour(HttpCase):
    """Browser tours of the hotline flows; each tour asserts what the agent sees."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        grp = "it_service_desk.group_it_"
        cls.agent = new_test_user(
            cls.env, login="tour_agent", groups=grp + "agent", name="Tour Agent"
        )
        cls.front = cls.env["it.team"].create(
            {"name": "Tour Front Line", "tier": "1", "member_ids": [(6, 0, cls.agent.ids)]}
        )
        cls.caller = cls.env["res.partner"].create(
            {"name": "Tour Caller", "phone": "0571-88997766", "email": "caller@example.com"}
        )

    def test_hotline_call_resolved_at_first_contact(self):
        earlier = self.env["it.ticket"].create(
            {
                "name": "Tour printer jammed on floor 3",
                "partner_id": self.caller.id,
                "team_id": self.front.id,
            }
        )
        self.start_tour(
            "/odoo/action-it_service_desk.it_ticket_action",
            "it_desk_hotline_tour",
            login="tour_agent",
        )
        ticket = self.env["it.ticket"].search(
            [("name", "=", "Tour printer jammed"), ("id", "!=", earlier.id)]
        )
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.partner_id, self.caller)
        self.assertEqual(ticket.state, "resolved")
        self.assertTrue(ticket.is_first_contact_resolution)
        self.assertEqual(ticket.callback_state, "pending", "the callback loop is opened")
        self.assertEqual(earlier.state, "new", "the suggestion did not touch the earlier ticket")
