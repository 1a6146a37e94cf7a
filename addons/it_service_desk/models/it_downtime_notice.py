from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class ItDowntimeNotice(models.Model):
    """A planned downtime (計劃停機) announced to the affected users."""

    _name = "it.downtime.notice"
    _description = "Planned Downtime Notice"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, translate=True)
    description = fields.Html(translate=True)
    date_start = fields.Datetime(required=True, tracking=True, index=True)
    date_end = fields.Datetime(required=True, tracking=True, index=True)
    system_ids = fields.Many2many("it.business.system", string="Affected Systems")
    region_ids = fields.Many2many("it.region", string="Affected Regions")
    partner_ids = fields.Many2many(
        "res.partner",
        "it_downtime_notice_partner_rel",
        "notice_id",
        "partner_id",
        string="Recipients",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("published", "Published"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    date_published = fields.Datetime(readonly=True, copy=False)
    is_current = fields.Boolean(compute="_compute_is_current", search="_search_is_current")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for notice in self:
            if notice.date_end <= notice.date_start:
                raise ValidationError(self.env._("The downtime must end after it starts."))

    def _compute_is_current(self):
        now = fields.Datetime.now()
        for notice in self:
            notice.is_current = notice.state == "published" and notice.date_end >= now

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on current notices."))
        domain = [("state", "=", "published"), ("date_end", ">=", fields.Datetime.now())]
        positive = (operator == "=") == value
        return domain if positive else ["!", "&", *domain]

    def action_publish(self):
        """Publish the notice: shown on the portal and emailed to the recipients."""
        for notice in self:
            if notice.state != "draft":
                raise UserError(
                    self.env._("Only a draft notice can be published (%(name)s).", name=notice.name)
                )
        self.write({"state": "published", "date_published": fields.Datetime.now()})
        template = self.env.ref(
            "it_service_desk.mail_template_downtime_notice", raise_if_not_found=False
        )
        for notice in self:
            if notice.partner_ids:
                notice.message_subscribe(partner_ids=notice.partner_ids.ids)
                if template:
                    notice.message_post_with_source(
                        template,
                        subtype_xmlid="mail.mt_comment",
                        partner_ids=notice.partner_ids.ids,
                    )
                else:
                    notice.message_post(
                        body=notice.description or notice.name,
                        partner_ids=notice.partner_ids.ids,
                        subtype_xmlid="mail.mt_comment",
                    )
        return True

    def action_done(self):
        for notice in self:
            if notice.state != "published":
                raise UserError(self.env._("Only a published notice can be marked done."))
        self.write({"state": "done"})
        return True

    def action_cancel(self):
        for notice in self:
            if notice.state in ("done", "cancelled"):
                raise UserError(self.env._("This notice is already finished."))
        was_published = self.filtered(lambda n: n.state == "published")
        self.write({"state": "cancelled"})
        for notice in was_published:
            if notice.partner_ids:
                notice.message_post(
                    body=self.env._(
                        "The planned downtime %(name)s is cancelled.", name=notice.name
                    ),
                    partner_ids=notice.partner_ids.ids,
                    subtype_xmlid="mail.mt_comment",
                )
        return True

    def action_draft(self):
        for notice in self:
            if notice.state != "cancelled":
                raise UserError(self.env._("Only a cancelled notice can be reset to draft."))
        self.write({"state": "draft"})
        return True

    @api.model
    def _cron_finish_notices(self):
        """Mark published notices whose window has ended as done (set-wise)."""
        ended = self.search([("state", "=", "published"), ("date_end", "<", fields.Datetime.now())])
        ended.write({"state": "done"})
        return len(ended)
