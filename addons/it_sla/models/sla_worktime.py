"""Working-time arithmetic on a resource.calendar, batched: one interval fetch per calendar.

All datetimes in and out are naive UTC (as stored by the ORM). The calendar's own time
zone and its global leaves (public holidays) are applied by resource.calendar
(``_work_intervals_batch``).
"""

from bisect import bisect_left, bisect_right
from datetime import timedelta

from pytz import utc

from odoo.exceptions import UserError

# give up looking for working time after this many days (a calendar without attendances)
MAX_HORIZON_DAYS = 3 * 366


class WorkTime:
    """The working intervals of one calendar from ``start`` on, with cumulative sums,
    fetched once and extended on demand.

    ``add(begin, hours)`` answers "when are ``hours`` working hours done after ``begin``"
    and ``between(a, b)`` counts the working hours from ``a`` to ``b``; both by bisection.
    """

    def __init__(self, calendar, start, end):
        self.calendar = calendar
        self.start = start
        self.end = start
        self.starts, self.ends, self.cum = [], [], [0.0]
        self._extend(end)

    @classmethod
    def for_span(cls, calendar, first, last, hours=0.0):
        """A window from ``first`` to ``last`` plus room for ``hours`` working hours."""
        weekly = (calendar.hours_per_day or 8.0) * 5
        days = int(hours / weekly * 7) + 2
        return cls(calendar, first - timedelta(days=1), last + timedelta(days=days))

    def _extend(self, end):
        if end <= self.end:
            return
        intervals = self.calendar._work_intervals_batch(
            utc.localize(self.end), utc.localize(end), compute_leaves=True
        )[False]
        for begin, stop, _meta in intervals:
            begin = begin.astimezone(utc).replace(tzinfo=None)
            stop = stop.astimezone(utc).replace(tzinfo=None)
            if stop <= begin:
                continue
            if self.ends and begin <= self.ends[-1]:
                # adjacent intervals (midnight in a 24x7 calendar, two fetches): merge them
                if stop > self.ends[-1]:
                    self.cum[-1] += (stop - self.ends[-1]).total_seconds()
                    self.ends[-1] = stop
                continue
            self.starts.append(begin)
            self.ends.append(stop)
            self.cum.append(self.cum[-1] + (stop - begin).total_seconds())
        self.end = end

    def _position(self, moment):
        """Working seconds from the window start to ``moment``."""
        if moment > self.end:
            self._extend(moment + timedelta(days=1))
        idx = bisect_right(self.ends, moment)
        if idx >= len(self.starts):
            return self.cum[-1]
        if moment <= self.starts[idx]:
            return self.cum[idx]
        return self.cum[idx] + (moment - self.starts[idx]).total_seconds()

    def add(self, begin, hours):
        """Instant when ``hours`` working hours after ``begin`` are done."""
        assert begin >= self.start, "window starts too late"
        target = self._position(begin) + hours * 3600.0
        step = 7
        while True:
            idx = bisect_left(self.cum, target - 1e-6, lo=1) - 1
            if idx < len(self.starts):
                moment = self.starts[idx] + timedelta(seconds=target - self.cum[idx])
                return moment.replace(microsecond=0)
            if (self.end - begin).days > MAX_HORIZON_DAYS:
                raise UserError(
                    self.calendar.env._(
                        "The working time %(calendar)s has no working hours to reach the "
                        "service-level deadline.",
                        calendar=self.calendar.display_name,
                    )
                )
            self._extend(self.end + timedelta(days=step))
            step *= 2

    def between(self, begin, stop):
        """Working hours between two instants (0 when ``stop`` is before ``begin``)."""
        if stop <= begin:
            return 0.0
        assert begin >= self.start, "window starts too late"
        return max(0.0, (self._position(stop) - self._position(begin)) / 3600.0)


def plan_many(calendar, requests):
    """Deadlines for many ``(start, hours)`` on one calendar with one interval fetch."""
    if not requests:
        return []
    worktime = WorkTime.for_span(
        calendar,
        min(start for start, _hours in requests),
        max(start for start, _hours in requests),
        max(hours for _start, hours in requests),
    )
    return [worktime.add(start, hours) for start, hours in requests]


def hours_many(calendar, spans):
    """Working hours of many ``(begin, end)`` spans on one calendar, one interval fetch."""
    if not spans:
        return []
    worktime = WorkTime.for_span(
        calendar, min(begin for begin, _end in spans), max(end for _begin, end in spans)
    )
    return [worktime.between(begin, end) for begin, end in spans]
