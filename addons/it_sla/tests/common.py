"""Shared fixtures of the it_sla tests (no test_ methods here)."""

from datetime import datetime

from pytz import timezone, utc

from odoo.tests import TransactionCase, new_test_user

TZ = "Asia/Shanghai"


def local(text):
    """'2026-12-04 17:00' in the calendars' time zone -> naive UTC as stored."""
    moment = timezone(TZ).localize(datetime.strptime(text, "%Y-%m-%d %H:%M"))
    return moment.astimezone(utc).replace(tzinfo=None)


class SlaCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        # demo tickets must not interfere: archived, their timers stop and the policies
        # created below do not take them over (the scheduled pass would count them)
        env["it.ticket"].search([]).write({"active": False})
        # nor the demo policies of any installed module
        env["it.sla.policy"].search([]).write({"active": False})
        cls.office = env["resource.calendar"].create(
            {
                "name": "Test office Mon-Fri 09-18",
                "tz": TZ,
                "attendance_ids": [(5, 0, 0)]
                + [
                    (
                        0,
                        0,
                        {
                            "name": f"day {day}",
                            "dayofweek": str(day),
                            "hour_from": 9.0,
                            "hour_to": 18.0,
                            "day_period": "morning",
                        },
                    )
                    for day in range(5)
                ],
            }
        )
        cls.h24 = env.ref("it_sla.resource_calendar_24x7")
        cls.leader = new_test_user(
            env, login="sla_leader", groups="it_service_desk.group_it_agent", name="Lead"
        )
        cls.manager = new_test_user(
            env, login="sla_manager", groups="it_service_desk.group_it_manager", name="Boss"
        )
        cls.agent = new_test_user(
            env, login="sla_agent", groups="it_service_desk.group_it_agent", name="Agent"
        )
        cls.team = env["it.team"].create(
            {
                "name": "SLA test desk",
                "leader_id": cls.leader.id,
                "manager_id": cls.manager.id,
                "member_ids": [(6, 0, [cls.agent.id, cls.leader.id])],
            }
        )
        cls.other_team = env["it.team"].create({"name": "SLA experts", "tier": "3"})
        cls.requester = env["res.partner"].create({"name": "Requester", "email": "r@example.com"})
        cls.stage = {
            state: env["it.stage"].search([("state", "=", state)], limit=1)
            for state in (
                "new",
                "in_progress",
                "dispatched",
                "waiting",
                "resolved",
                "callback",
                "closed",
                "cancelled",
            )
        }
        cls.policy_vip_p1 = env["it.sla.policy"].create(
            {
                "name": "T VIP P1",
                "sequence": 1,
                "priority": "1",
                "customer_class": "vip",
                "calendar_id": cls.h24.id,
                "response_hours": 1,
                "resolution_hours": 4,
                "warning_percent": 50,
                "escalation_ids": [
                    (0, 0, {"level": 1, "delay_hours": 0, "notify": "leader"}),
                    (
                        0,
                        0,
                        {
                            "level": 2,
                            "delay_hours": 2,
                            "notify": "manager",
                            "raise_priority": True,
                            "team_id": cls.other_team.id,
                        },
                    ),
                ],
            }
        )
        cls.policy_vip = env["it.sla.policy"].create(
            {
                "name": "T VIP",
                "sequence": 5,
                "customer_class": "vip",
                "calendar_id": cls.office.id,
                "response_hours": 2,
                "resolution_hours": 8,
                "next_response_hours": 2,
            }
        )
        cls.policy_normal = env["it.sla.policy"].create(
            {
                "name": "T normal",
                "sequence": 10,
                "customer_class": "normal",
                "calendar_id": cls.office.id,
                "response_hours": 4,
                "resolution_hours": 16,
                "warning_percent": 75,
                "escalation_ids": [(0, 0, {"level": 1, "delay_hours": 0, "notify": "leader"})],
            }
        )

    def make_ticket(self, **vals):
        values = {
            "name": "Mail does not sync",
            "partner_id": self.requester.id,
            "team_id": self.team.id,
            "is_vip": False,
            "impact": "3",
            "urgency": "3",
        }
        values.update(vals)
        return self.env["it.ticket"].create(values)

    @staticmethod
    def line(ticket, target_type):
        return ticket.sla_line_ids.filtered(lambda line: line.target_type == target_type)

    def move(self, ticket, state, **vals):
        vals["stage_id"] = self.stage[state].id
        if state in ("resolved", "callback", "closed"):
            vals.setdefault("resolution", "<p>Fixed</p>")
        ticket.write(vals)
