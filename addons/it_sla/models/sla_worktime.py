"""Working-time arithmetic on a resource.calendar, batched: one interval fetch per calendar.

All datetimes in and out are naive UTC (as stored by the ORM). The calendar's own time
zone and its global leaves (public holidays) are applied by resource.calendar.
"""

from bisect import bisect_left, bisect_right
from datetime import timedelta

from pytz import utc

from odoo.exceptions import UserError

# give up looking for working time after this many days (a calendar without attendances)
MAX_HORIZON_DAYS = 3 * 366


class WorkTime:
    """The working intervals of one calendar between two instants, with cumulative sums.

    ``add(start, hours)`` answers "when are ``hours`` working hours done after ``start``"
    and ``between(a, b)`` counts the working hours from ``a`` to ``b``; both by bisection.
    """

    def __init__(self, calendar, start, end):
        self.calendar = calendar
        self.start = start
        self.end = end
        intervals = calendar._work_intervals_batch(
            utc.localize(start), utc.localize(end), compute_leaves=True
        )[False]
        self.starts, self.ends, self.cum = [], [], [0.0]
        for begin, stop, _meta in intervals:
            begin = begin.astimezone(utc).replace(tzinfo=None)
            stop = stop.astimezone(utc).replace(tzinfo=None)
            if stop <= begin:
                continue
            if self.ends and begin <= self.ends[-1]:
                # adjacent intervals (e.g. midnight in a 24x7 calendar): merge them
                self.cum[-1] += (stop - self.ends[-1]).total_seconds()
                self.ends[-1] = stop
                continue
            self.starts.append(begin)
            self.ends.append(stop)
            self.cum.append(self.cum[-1] + (stop - begin).total_seconds())

    def _position(self, moment):
        """Working seconds from the window start to ``moment``."""
        idx = bisect_right(self.ends, moment)
        if idx >= len(self.starts):
            return self.cum[-1]
        if moment <= self.starts[idx]:
            return self.cum[idx]
        return self.cum[idx] + (moment - self.starts[idx]).total_seconds()

    def add(self, start, hours):
        """Instant when ``hours`` working hours after ``start`` are done, or None if the
        window is too short."""
        target = self._position(start) + hours * 3600.0
        cum_end = self.cum[1:]
        idx = bisect_left(cum_end, target - 1e-6)
        if idx >= len(self.starts):
            return None
        moment = self.starts[idx] + timedelta(seconds=target - self.cum[idx])
        return moment.replace(microsecond=0)

    def between(self, begin, stop):
        """Working hours between two instants (0 when ``stop`` is before ``begin``)."""
        if stop <= begin:
            return 0.0
        return max(0.0, (self._position(stop) - self._position(begin)) / 3600.0)


def plan_many(calendar, requests):
    """Deadlines for many ``(start, hours)`` on one calendar with one interval fetch.

    Returns the list of deadlines in the order of ``requests``. Raises UserError when
    the calendar has no working time in the next years.
    """
    if not requests:
        return []
    first = min(start for start, _hours in requests)
    last = max(start for start, _hours in requests)
    most = max(hours for _start, hours in requests)
    days = 14 + int(most * 7 / 24) + 7
    while True:
        worktime = WorkTime(calendar, first - timedelta(days=1), last + timedelta(days=days))
        results = [worktime.add(start, hours) for start, hours in requests]
        if all(result is not None for result in results):
            return results
        if days > MAX_HORIZON_DAYS:
            raise UserError(
                calendar.env._(
                    "The working time %(calendar)s has no working hours to reach the "
                    "service-level deadline.",
                    calendar=calendar.display_name,
                )
            )
        days *= 4


def hours_many(calendar, spans):
    """Working hours of many ``(begin, end)`` spans on one calendar, one interval fetch."""
    if not spans:
        return []
    first = min(begin for begin, _end in spans)
    last = max(end for _begin, end in spans)
    worktime = WorkTime(calendar, first - timedelta(days=1), last + timedelta(days=1))
    return [worktime.between(begin, end) for begin, end in spans]
