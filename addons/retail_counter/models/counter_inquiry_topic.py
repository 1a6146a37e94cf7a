from odoo import api, fields, models


class CounterInquiryTopic(models.Model):
    """What customers ask about, with the quick answer staff give (map, bus timetable...)."""

    _name = "counter.inquiry.topic"
    _description = "Inquiry Topic"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    quick_answer = fields.Html(
        translate=True,
        help="Store map, shuttle bus timetable, opening hours: shown on the inquiry.",
    )
    script_code = fields.Char(help="Care script shown with this topic.")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", string="Store")
    inquiry_count = fields.Integer(compute="_compute_inquiry_count")

    def _compute_inquiry_count(self):
        groups = self.env["counter.inquiry"]._read_group(
            [("topic_id", "in", self.ids)], ["topic_id"], ["__count"]
        )
        counts = {topic.id: count for topic, count in groups}
        for topic in self:
            topic.inquiry_count = counts.get(topic.id, 0)

    @api.model
    def _stat_by_topic(self, domain=None):
        """{topic name: count} over the inquiries matching domain (topic statistics)."""
        groups = self.env["counter.inquiry"]._read_group(domain or [], ["topic_id"], ["__count"])
        return {topic.display_name or "": count for topic, count in groups}
