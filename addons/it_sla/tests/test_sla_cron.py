from freezegun import freeze_time

from .common import SlaCase, local


class TestSlaCron(SlaCase):
    def activities(self, tickets):
        return self.env["mail.activity"].search(
            [("res_model", "=", "it.ticket"), ("res_id", "in", tickets.ids)]
        )

    def run_cron(self, when):
        return self.env["it.sla.line"]._cron_check_sla(now=local(when))

    def test_warning_then_breach_then_escalation(self):
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket()
        response = self.line(ticket, "response")
        self.assertEqual(
            self.run_cron("2026-12-07 11:59"), {"warned": 0, "breached": 0, "escalated": 0}
        )
        # 75 % of 4 h
        result = self.run_cron("2026-12-07 12:00")
        self.assertEqual(result["warned"], 1)
        self.assertTrue(response.warning_sent)
        self.assertEqual(ticket.sla_status, "warning")
        activity = self.activities(ticket)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.leader, "unassigned: the team lead is warned")
        self.assertIn("warning", activity.summary)
        # the deadline passes: breach, escalation level 1 to the lead
        result = self.run_cron("2026-12-07 13:00")
        self.assertEqual(result, {"warned": 0, "breached": 1, "escalated": 1})
        self.assertEqual(response.status, "breached")
        self.assertEqual(response.breach_date, local("2026-12-07 13:00"))
        self.assertEqual(response.breach_stage_id, self.stage["new"])
        self.assertEqual(response.escalation_level, 1)
        self.assertEqual(ticket.sla_status, "breached")
        self.assertEqual(len(self.activities(ticket)), 2)
        # idempotent: a second run notifies nobody again
        self.assertEqual(
            self.run_cron("2026-12-07 13:05"), {"warned": 0, "breached": 0, "escalated": 0}
        )
        self.assertEqual(len(self.activities(ticket)), 2)
        # reaching the target late keeps it breached and stops the escalation
        with freeze_time(local("2026-12-07 14:00")):
            self.move(ticket, "in_progress")
        self.assertEqual(response.status, "breached")
        self.assertEqual(response.reached_date, local("2026-12-07 14:00"))

    def test_warning_goes_to_the_assignee(self):
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket(user_id=self.agent.id)
        self.run_cron("2026-12-07 12:10")
        self.assertEqual(self.activities(ticket).user_id, self.agent)

    def test_escalation_levels_lead_then_manager_with_actions(self):
        self.other_team.leader_id = self.agent
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket(is_vip=True, impact="1", urgency="1")
        self.assertEqual(ticket.sla_policy_id, self.policy_vip_p1)
        # response 1 h (24x7): breached at 10:00 -> level 1 (lead)
        self.run_cron("2026-12-07 10:00")
        self.assertEqual(self.activities(ticket).user_id, self.leader)
        self.assertEqual(ticket.team_id, self.team)
        # two hours after the breach: level 2 (manager), hand-over to the experts
        result = self.run_cron("2026-12-07 12:00")
        self.assertEqual(result["escalated"], 1)
        self.assertEqual(self.line(ticket, "response").escalation_level, 2)
        self.assertIn(self.manager, self.activities(ticket).user_id)
        self.assertEqual(ticket.team_id, self.other_team)
        self.assertEqual(self.line(ticket, "response").team_id, self.other_team)
        self.assertEqual(ticket.priority, "1")
        self.run_cron("2026-12-07 18:00")
        # resolution (4 h): breached at 13:00; by 18:00 both levels were due in one run,
        # told to the new team's lead (it has no manager: nobody for level 2)
        self.assertEqual(self.line(ticket, "resolution").escalation_level, 2)
        activities = self.activities(ticket)
        # warning (lead), response level 1 (lead) and 2 (manager), resolution level 1
        self.assertEqual(len(activities), 4)
        self.assertIn(self.agent, activities.user_id)

    def test_escalation_raises_priority(self):
        self.policy_normal.write(
            {
                "escalation_ids": [
                    (
                        0,
                        0,
                        {"level": 2, "delay_hours": 1, "notify": "manager", "raise_priority": True},
                    )
                ]
            }
        )
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket()
        self.assertEqual(ticket.priority, "4")
        self.run_cron("2026-12-07 13:00")
        self.assertEqual(ticket.priority, "4")
        self.run_cron("2026-12-07 14:00")
        self.assertEqual(ticket.priority, "3")
        logged = ticket.message_ids.filtered(lambda m: "SLA escalation level 2" in (m.body or ""))
        self.assertEqual(len(logged), 1)
        self.assertIn("priority raised from P4 Low to P3 Medium", logged.body)
        self.run_cron("2026-12-07 15:00")
        self.assertEqual(ticket.priority, "3", "each level acts once")
        self.assertEqual(
            len(ticket.message_ids.filtered(lambda m: "SLA escalation" in (m.body or ""))), 1
        )

    def test_escalation_hand_over_is_logged_and_set_wise(self):
        """A hand-over by escalation leaves an assignment-history row and one chatter line
        per ticket, and costs as many statements for 2 tickets as for 25."""

        def hand_over(count, day):
            with freeze_time(local(f"2026-12-{day:02d} 09:00")):
                tickets = self.env["it.ticket"].create(
                    [
                        {
                            "name": f"Core switch down {i}",
                            "partner_id": self.requester.id,
                            "team_id": self.team.id,
                            "is_vip": True,
                            "impact": "1",
                            "urgency": "1",
                        }
                        for i in range(count)
                    ]
                )
            self.assertEqual(tickets.sla_policy_id, self.policy_vip_p1)
            self.run_cron(f"2026-12-{day:02d} 10:00")  # response breached: level 1
            self.env.flush_all()
            before = self.cr.sql_log_count
            result = self.run_cron(f"2026-12-{day:02d} 12:00")  # level 2: to the experts
            statements = self.cr.sql_log_count - before
            self.assertEqual(result["escalated"], count)
            return tickets, statements

        hand_over(1, 4)  # caches warmed (activity types, the bot's partner)
        few, few_statements = hand_over(2, 7)
        many, many_statements = hand_over(25, 8)
        self.assertEqual(few_statements, many_statements)
        for ticket in few | many:
            self.assertEqual(ticket.team_id, self.other_team)
            history = ticket.assignment_ids.filtered(lambda a: a.team_id == self.other_team)
            self.assertEqual(len(history), 1, "the hand-over is in the assignment history")
            logged = ticket.message_ids.filtered(
                lambda m: "handed over to SLA experts" in (m.body or "")
            )
            self.assertEqual(len(logged), 1)
            self.assertEqual(logged.author_id, self.env.ref("base.partner_root"))

    def test_no_recipient_no_activity(self):
        self.team.leader_id = False
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket()
        result = self.run_cron("2026-12-07 13:00")
        self.assertEqual(result["breached"], 1)
        self.assertFalse(self.activities(ticket))

    def test_statement_count_does_not_grow_with_tickets(self):
        def count(n, day):
            with freeze_time(local(f"2026-12-{day:02d} 09:00")):
                tickets = self.env["it.ticket"].create(
                    [
                        {"name": f"t{i}", "partner_id": self.requester.id, "team_id": self.team.id}
                        for i in range(n)
                    ]
                )
            self.env.flush_all()
            before = self.cr.sql_log_count
            result = self.run_cron(f"2026-12-{day:02d} 13:00")
            self.assertEqual(result["breached"], n)
            self.assertEqual(len(self.activities(tickets)), n)
            return self.cr.sql_log_count - before

        small = count(2, 7)
        large = count(40, 8)
        self.assertEqual(small, large)
        self.assertLess(large, 20)

    def test_cron_record(self):
        cron = self.env.ref("it_sla.ir_cron_sla_check")
        self.assertEqual(cron.model_id.model, "it.sla.line")
        self.assertEqual(cron.code.strip(), "model._cron_check_sla()")
        cron.method_direct_trigger()

    def test_compliance_report(self):
        with freeze_time(local("2026-12-07 09:00")):
            fast = self.make_ticket()
            slow = self.make_ticket()
        with freeze_time(local("2026-12-07 10:00")):
            self.move(fast, "in_progress")
        with freeze_time(local("2026-12-07 14:00")):
            self.move(slow, "in_progress")
        groups = self.env["it.sla.line"].read_group(
            [("ticket_id", "in", (fast | slow).ids), ("target_type", "=", "response")],
            ["compliance:avg"],
            ["policy_id", "start_date:month"],
            lazy=False,
        )
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups[0]["compliance"], 50.0)
        self.assertEqual(self.policy_normal.compliance, 50.0)
        # running timers do not dilute the rate
        with freeze_time(local("2026-12-07 15:00")):
            self.make_ticket()
        groups = self.env["it.sla.line"].read_group(
            [("policy_id", "=", self.policy_normal.id), ("target_type", "=", "response")],
            ["compliance:avg"],
            ["policy_id"],
        )
        self.assertEqual(groups[0]["compliance"], 50.0)

    def test_views_render(self):
        for xmlid in (
            "it_service_desk.it_ticket_view_list",
            "it_service_desk.it_ticket_view_kanban",
            "it_service_desk.it_ticket_view_form",
            "it_service_desk.it_ticket_view_search",
        ):
            view = self.env.ref(xmlid)
            arch = self.env["it.ticket"].get_view(view.id, view.type)["arch"]
            self.assertIn("sla_status" if view.type != "search" else "sla_breached", arch)
        for model in ("it.sla.line", "it.sla.pause", "it.sla.policy"):
            for view_type in ("list", "form", "search", "pivot"):
                if model == "it.sla.policy" and view_type == "pivot":
                    continue
                self.env[model].get_view(view_type=view_type)

    def test_search_by_sla_status(self):
        with freeze_time(local("2026-12-07 09:00")):
            late = self.make_ticket()
            waiting = self.make_ticket()
            ok = self.make_ticket()
            done = self.make_ticket()
            self.move(waiting, "waiting")
        with freeze_time(local("2026-12-07 10:00")):
            self.move(done, "resolved")
        self.run_cron("2026-12-07 13:00")
        tickets = late | waiting | ok | done
        Ticket = self.env["it.ticket"]

        def found(operator, value):
            return Ticket.search([("id", "in", tickets.ids), ("sla_status", operator, value)])

        self.assertEqual(late.sla_status, "breached")
        self.assertEqual(ok.sla_status, "breached")  # both got no first response in time
        self.assertEqual(found("=", "breached"), late | ok)
        self.assertEqual(found("=", "paused"), waiting)
        self.assertEqual(found("=", "met"), done)
        self.assertEqual(found("!=", "breached"), waiting | done)
        self.assertEqual(found("in", ["paused", "met"]), waiting | done)
        with freeze_time(local("2026-12-07 13:30")):
            new = self.make_ticket()
        self.assertEqual(
            found("=", "on_track") | (new if new.sla_status == "on_track" else Ticket), new
        )
        self.run_cron("2026-12-07 16:45")
        self.assertEqual(new.sla_status, "warning")
        self.assertEqual(Ticket.search([("id", "=", new.id), ("sla_status", "=", "warning")]), new)
        self.assertFalse(found("=", "none"))
