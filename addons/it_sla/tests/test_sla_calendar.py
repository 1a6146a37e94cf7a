from freezegun import freeze_time

from odoo.addons.it_sla.models.sla_worktime import hours_many, plan_many

from .common import SlaCase, local


class TestSlaCalendar(SlaCase):
    def test_friday_evening_to_monday_noon(self):
        """Mon-Fri 09-18, 4 h target, ticket Friday 17:00 -> Monday 12:00."""
        (deadline,) = plan_many(self.office, [(local("2026-12-04 17:00"), 4.0)])
        self.assertEqual(deadline, local("2026-12-07 12:00"))

    def test_public_holiday_monday_to_tuesday(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Holiday",
                "calendar_id": self.office.id,
                "date_from": local("2026-12-07 00:00"),
                "date_to": local("2026-12-07 23:59"),
            }
        )
        (deadline,) = plan_many(self.office, [(local("2026-12-04 17:00"), 4.0)])
        self.assertEqual(deadline, local("2026-12-08 12:00"))

    def test_global_leave_without_calendar_counts(self):
        """A company-wide public holiday (no calendar) is a holiday for every calendar."""
        self.env["resource.calendar.leaves"].create(
            {
                "name": "National day",
                "calendar_id": False,
                "company_id": self.env.company.id,
                "date_from": local("2026-12-07 00:00"),
                "date_to": local("2026-12-07 23:59"),
            }
        )
        (deadline,) = plan_many(self.office, [(local("2026-12-04 17:00"), 4.0)])
        self.assertEqual(deadline, local("2026-12-08 12:00"))

    def test_ticket_deadline_uses_calendar(self):
        with freeze_time(local("2026-12-04 17:00")):
            ticket = self.make_ticket()
        line = self.line(ticket, "response")
        self.assertEqual(line.policy_id, self.policy_normal)
        self.assertEqual(line.deadline, local("2026-12-07 12:00"))
        # 75 % of 4 h = 3 h: Friday 17-18 + Monday 09-11
        self.assertEqual(line.warning_date, local("2026-12-07 11:00"))

    def test_time_zone_of_the_calendar(self):
        """The same instant gives another deadline in another time zone."""
        self.office.tz = "UTC"
        (deadline,) = plan_many(self.office, [(local("2026-12-04 17:00"), 4.0)])
        # 17:00 Shanghai = 09:00 UTC, Friday: 4 h later on a UTC 09-18 day = 13:00 UTC
        self.assertEqual(deadline, local("2026-12-04 21:00"))

    def test_24x7_and_end_of_day(self):
        (deadline,) = plan_many(self.h24, [(local("2026-12-05 22:30"), 4.0)])
        self.assertEqual(deadline, local("2026-12-06 02:30"))
        # ending exactly at the end of the working day stays on that day
        (deadline,) = plan_many(self.office, [(local("2026-12-04 09:00"), 9.0)])
        self.assertEqual(deadline, local("2026-12-04 18:00"))

    def test_long_targets_and_batches(self):
        starts = [(local("2026-12-01 10:00"), 45.0), (local("2026-12-04 17:00"), 4.0)]
        deadlines = plan_many(self.office, starts)
        self.assertEqual(deadlines, [local("2026-12-08 10:00"), local("2026-12-07 12:00")])

    def test_working_hours_between(self):
        hours = hours_many(
            self.office,
            [
                (local("2026-12-04 17:00"), local("2026-12-07 10:00")),
                (local("2026-12-05 10:00"), local("2026-12-06 10:00")),
                (local("2026-12-07 10:00"), local("2026-12-04 17:00")),
            ],
        )
        self.assertEqual(hours, [2.0, 0.0, 0.0])
