from odoo.tests import TransactionCase, new_test_user


class DeskCase(TransactionCase):
    """Shared fixtures: teams, users per role, requesters, systems and regions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False, mail_notrack=False))
        Team = cls.env["it.team"]
        cls.front = Team.create({"name": "Front Line T", "tier": "1"})
        cls.front_other = Team.create({"name": "Other Front T", "tier": "1"})
        cls.back = Team.create({"name": "Billing BO T", "tier": "2"})
        cls.system = cls.env["it.business.system"].create({"name": "Billing T", "code": "BT"})
        cls.system_crm = cls.env["it.business.system"].create({"name": "CRM T", "code": "CT"})
        cls.region = cls.env["it.region"].create({"name": "Guangzhou T", "code": "GZT"})
        cls.category = cls.env["it.category"].create(
            {"name": "App error T", "team_id": cls.front.id}
        )
        grp = "it_service_desk.group_it_"
        cls.agent = new_test_user(
            cls.env,
            login="desk_agent",
            groups=grp + "agent",
            name="Agent Ann",
            email="ann@example.com",
        )
        cls.agent2 = new_test_user(
            cls.env, login="desk_agent2", groups=grp + "agent", name="Agent Bob"
        )
        cls.other_agent = new_test_user(
            cls.env, login="desk_other", groups=grp + "agent", name="Agent Eve"
        )
        cls.engineer = new_test_user(
            cls.env, login="desk_eng", groups=grp + "backoffice", name="Eng Carl"
        )
        cls.engineer_other = new_test_user(
            cls.env, login="desk_eng2", groups=grp + "backoffice", name="Eng Dan"
        )
        cls.callback_agent = new_test_user(
            cls.env, login="desk_cb", groups=grp + "callback_agent", name="Callback Cat"
        )
        cls.mim = new_test_user(
            cls.env,
            login="desk_mim",
            groups=grp + "major_incident_manager",
            name="MIM Max",
            email="max@example.com",
        )
        cls.analyst = new_test_user(
            cls.env, login="desk_qa", groups=grp + "quality_analyst", name="Analyst Ada"
        )
        cls.manager = new_test_user(
            cls.env, login="desk_mgr", groups=grp + "manager", name="Mgr Meg"
        )
        cls.front.member_ids = cls.agent | cls.agent2
        cls.front_other.member_ids = cls.other_agent
        cls.back.member_ids = cls.engineer
        cls.requester = cls.env["res.partner"].create(
            {"name": "Li Na Requester", "phone": "+86 755 6666 1234", "email": "lina@example.com"}
        )
        cls.vip = cls.env["res.partner"].create(
            {
                "name": "Chen VIP",
                "phone": "020-8888-9999",
                "it_vip": True,
                "email": "chen@example.com",
            }
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="desk_portal",
            groups="base.group_portal",
            name="Portal Pat",
            email="pat@example.com",
        )
        cls.portal_other = new_test_user(
            cls.env,
            login="desk_portal2",
            groups="base.group_portal",
            name="Portal Quinn",
            email="quinn@example.com",
        )

    @classmethod
    def _ticket(cls, **vals):
        values = {
            "name": "Billing invoice print error",
            "partner_id": cls.requester.id,
            "team_id": cls.front.id,
            "system_id": cls.system.id,
        }
        values.update(vals)
        return cls.env["it.ticket"].create(values)

    def _resolved(self, **vals):
        ticket = self._ticket(**vals)
        ticket.with_user(self.agent).action_start()
        ticket.with_user(self.agent).action_resolve("<p>Cleared the print queue</p>")
        return ticket
