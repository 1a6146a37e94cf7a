from freezegun import freeze_time

from .common import SlaCase, local


class TestSlaTimer(SlaCase):
    def test_response_met_on_first_response(self):
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket()
        response = self.line(ticket, "response")
        self.assertEqual(response.status, "running")
        self.assertEqual(ticket.sla_status, "on_track")
        with freeze_time(local("2026-12-07 10:30")):
            self.move(ticket, "in_progress")
        self.assertEqual(response.status, "met")
        self.assertEqual(response.reached_date, local("2026-12-07 10:30"))
        self.assertEqual(response.working_hours, 1.5)
        self.assertEqual(response.compliance, 100)
        self.assertEqual(self.line(ticket, "resolution").status, "running")

    def test_late_reach_is_breached(self):
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket()
        with freeze_time(local("2026-12-07 15:00")):
            self.move(ticket, "in_progress")
        response = self.line(ticket, "response")
        self.assertEqual(response.status, "breached")
        self.assertEqual(response.breach_date, local("2026-12-07 13:00"))
        self.assertEqual(response.compliance, 0)
        self.assertEqual(ticket.sla_status, "breached")

    def test_waiting_pauses_and_resume_pushes_deadline(self):
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket()
        resolution = self.line(ticket, "resolution")
        # 16 working hours from Monday 09:00 = Tuesday 16:00
        self.assertEqual(resolution.deadline, local("2026-12-08 16:00"))
        with freeze_time(local("2026-12-07 11:00")):
            self.move(ticket, "waiting")
        self.assertEqual(resolution.status, "paused")
        self.assertEqual(ticket.sla_status, "paused")
        self.assertEqual(len(resolution.pause_ids), 1)
        self.assertEqual(resolution.pause_ids.reason, self.stage["waiting"].name)
        # three working hours paused (Mon 11-18 minus ... 11:00 -> 14:00)
        with freeze_time(local("2026-12-07 14:00")):
            self.move(ticket, "in_progress")
        self.assertEqual(resolution.status, "running")
        self.assertEqual(resolution.paused_hours, 3.0)
        self.assertEqual(resolution.pause_ids.duration_hours, 3.0)
        self.assertEqual(resolution.pause_ids.date_end, local("2026-12-07 14:00"))
        self.assertEqual(resolution.deadline, local("2026-12-09 10:00"))

    def test_pause_over_the_weekend_counts_working_time_only(self):
        with freeze_time(local("2026-12-04 16:00")):
            ticket = self.make_ticket()
        with freeze_time(local("2026-12-04 17:00")):
            self.move(ticket, "waiting")
        with freeze_time(local("2026-12-07 10:00")):
            self.move(ticket, "in_progress")
        # paused Fri 17-18 and Mon 09-10: 2 working hours, not 65 wall-clock hours
        self.assertEqual(self.line(ticket, "resolution").paused_hours, 2.0)

    def test_pause_reason_from_context(self):
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket()
        with freeze_time(local("2026-12-07 10:00")):
            ticket.with_context(sla_pause_reason="Waiting for a spare part").write(
                {"stage_id": self.stage["waiting"].id}
            )
        self.assertEqual(
            self.line(ticket, "resolution").pause_ids.reason, "Waiting for a spare part"
        )

    def test_pause_stages_are_configurable(self):
        self.assertTrue(self.stage["waiting"].sla_pause)
        self.assertFalse(self.stage["dispatched"].sla_pause)
        self.stage["dispatched"].sla_pause = True
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket()
        with freeze_time(local("2026-12-07 10:00")):
            self.move(ticket, "dispatched")
        self.assertEqual(self.line(ticket, "resolution").status, "paused")

    def test_paused_timer_is_not_breached(self):
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket()
            self.move(ticket, "waiting")
        result = self.env["it.sla.line"]._cron_check_sla(now=local("2026-12-20 09:00"))
        self.assertEqual(result["breached"], 0)
        self.assertEqual(self.line(ticket, "resolution").status, "paused")

    def test_priority_change_keeps_elapsed_time(self):
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket(is_vip=True)
        resolution = self.line(ticket, "resolution")
        self.assertEqual(resolution.policy_id, self.policy_vip)
        self.assertEqual(resolution.deadline, local("2026-12-07 17:00"))
        # 2 h later it becomes P1: the VIP P1 policy (24x7, 4 h) counts from the start
        with freeze_time(local("2026-12-07 11:00")):
            ticket.write({"impact": "1", "urgency": "1"})
        self.assertEqual(ticket.priority, "1")
        self.assertEqual(ticket.sla_policy_id, self.policy_vip_p1)
        self.assertEqual(resolution.policy_id, self.policy_vip_p1)
        self.assertEqual(resolution.priority, "1")
        self.assertEqual(resolution.start_date, local("2026-12-07 09:00"))
        self.assertEqual(resolution.deadline, local("2026-12-07 13:00"))

    def test_priority_change_keeps_paused_time(self):
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket()
        with freeze_time(local("2026-12-07 10:00")):
            self.move(ticket, "waiting")
        with freeze_time(local("2026-12-07 12:00")):
            self.move(ticket, "in_progress")
        self.policy_normal.resolution_hours = 4
        resolution = self.line(ticket, "resolution")
        # 4 h of work + 2 h paused from Monday 09:00
        self.assertEqual(resolution.deadline, local("2026-12-07 15:00"))

    def test_reopen_resumes_resolution_timer(self):
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket()
        resolution = self.line(ticket, "resolution")
        with freeze_time(local("2026-12-07 12:00")):
            self.move(ticket, "resolved")
        self.assertEqual(resolution.status, "met")
        self.assertEqual(resolution.working_hours, 3.0)
        self.assertEqual(ticket.sla_status, "met")
        with freeze_time(local("2026-12-08 09:00")):
            ticket.action_reopen()
        self.assertEqual(ticket.state, "in_progress")
        self.assertEqual(resolution.status, "running")
        self.assertFalse(resolution.reached_date)
        # resolved Mon 12:00 -> Tue 09:00 = 6 working hours that do not count
        self.assertEqual(resolution.paused_hours, 6.0)
        self.assertEqual(resolution.deadline, local("2026-12-09 13:00"))
        self.assertIn("reopened", resolution.pause_ids.reason)
        self.assertEqual(ticket.sla_status, "on_track")

    def test_cancel_stops_timers(self):
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket()
        with freeze_time(local("2026-12-07 10:00")):
            ticket.action_cancel(reason="Duplicate call")
        self.assertEqual(set(ticket.sla_line_ids.mapped("status")), {"cancelled"})
        self.assertEqual(ticket.sla_status, "none")

    def test_policy_change_never_rewrites_met_deadlines(self):
        with freeze_time(local("2026-12-07 09:00")):
            done = self.make_ticket()
            running = self.make_ticket()
        with freeze_time(local("2026-12-07 10:00")):
            self.move(done, "resolved")
        met = self.line(done, "resolution")
        met_deadline = met.deadline
        self.policy_normal.write({"resolution_hours": 40, "response_hours": 8})
        self.assertEqual(met.deadline, met_deadline)
        self.assertEqual(met.target_hours, 16)
        self.assertEqual(met.status, "met")
        self.assertEqual(self.line(running, "resolution").target_hours, 40)
        self.assertEqual(self.line(running, "resolution").deadline, local("2026-12-11 13:00"))

    def test_next_response_target(self):
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket(is_vip=True)
            self.move(ticket, "in_progress")
        self.assertFalse(self.line(ticket, "next_response"))
        with freeze_time(local("2026-12-07 17:00")):
            ticket.message_post(
                body="Still broken",
                author_id=self.requester.id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        next_line = self.line(ticket, "next_response")
        self.assertEqual(next_line.status, "running")
        # 2 working hours from Monday 17:00 = Tuesday 10:00
        self.assertEqual(next_line.deadline, local("2026-12-08 10:00"))
        # the agent's answer meets it
        with freeze_time(local("2026-12-08 09:00")):
            ticket.with_user(self.agent).message_post(
                body="checking", message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        self.assertEqual(next_line.status, "met")
        self.assertEqual(next_line.reached_date, local("2026-12-08 09:00"))
        with freeze_time(local("2026-12-08 09:30")):
            ticket.message_post(
                body="thanks",
                author_id=self.requester.id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self.assertEqual(len(self.line(ticket, "next_response")), 2)

    def test_next_response_waits_for_the_first_response(self):
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket(is_vip=True)
            ticket.message_post(
                body="Any news?",
                author_id=self.requester.id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self.assertFalse(self.line(ticket, "next_response"))

    def test_internal_note_does_not_meet_next_response(self):
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket(is_vip=True)
            self.move(ticket, "in_progress")
            ticket.message_post(
                body="Hello?",
                author_id=self.requester.id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            ticket.with_user(self.agent).message_post(
                body="note to self", message_type="comment", subtype_xmlid="mail.mt_note"
            )
        self.assertEqual(self.line(ticket, "next_response").status, "running")

    def test_countdown_on_form(self):
        with freeze_time(local("2026-12-07 09:00")):
            ticket = self.make_ticket()
            self.assertEqual(ticket.sla_deadline, local("2026-12-07 13:00"))
            ticket.invalidate_recordset(["sla_remaining"])
            self.assertEqual(ticket.sla_remaining, "4 h 00 min left")
        with freeze_time(local("2026-12-07 14:30")):
            ticket.invalidate_recordset(["sla_remaining"])
            self.assertEqual(ticket.sla_remaining, "Overdue by 1 h 30 min")
