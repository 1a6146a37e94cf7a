from dateutil.relativedelta import relativedelta
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

OPEN = ("new", "in_progress", "dispatched", "waiting")


class ItServiceReport(models.Model):
    """Monthly service-quality report (定期服務質量分析、評估和發布) a quality analyst publishes."""

    _name = "it.service.report"
    _description = "Monthly Service-Quality Report"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    date_from = fields.Date(
        string="Month",
        required=True,
        default=lambda self: (
            fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        ),
    )
    date_to = fields.Date(compute="_compute_date_to", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    ticket_count = fields.Integer(readonly=True)
    resolved_count = fields.Integer(readonly=True)
    fcr_rate = fields.Float(string="First-Contact Resolution (%)", readonly=True)
    response_hours = fields.Float(string="Mean Response (h)", readonly=True)
    resolution_hours = fields.Float(string="Mean Resolution (h)", readonly=True)
    satisfaction = fields.Float(string="Satisfaction (1-5)", readonly=True)
    rated_count = fields.Integer(readonly=True)
    redirected_count = fields.Integer(readonly=True)
    redirected_share = fields.Float(string="Redirected (%)", readonly=True)
    duplicate_count = fields.Integer(string="Duplicates Merged", readonly=True)
    backlog_count = fields.Integer(string="Open at Month End", readonly=True)
    major_incident_count = fields.Integer(readonly=True)
    breakdown_html = fields.Html(string="Breakdown", readonly=True, sanitize=False)
    analysis = fields.Html(help="The analyst's findings and improvement actions.")
    date_computed = fields.Datetime(readonly=True)

    _sql_constraints = [
        (
            "month_company_uniq",
            "unique(date_from, company_id)",
            "One report per month and company.",
        ),
    ]

    @api.depends("date_from")
    def _compute_name(self):
        for report in self:
            report.name = (
                self.env._("Service quality %(month)s", month=report.date_from.strftime("%Y-%m"))
                if report.date_from
                else False
            )

    @api.depends("date_from")
    def _compute_date_to(self):
        for report in self:
            report.date_to = report.date_from and report.date_from + relativedelta(months=1)

    @api.constrains("date_from")
    def _check_month(self):
        for report in self:
            if report.date_from.day != 1:
                raise ValidationError(
                    self.env._("A monthly report starts on the first of a month.")
                )

    def _domain(self):
        return [
            ("company_id", "=", self.company_id.id),
            ("create_date", ">=", fields.Datetime.to_datetime(self.date_from)),
            ("create_date", "<", fields.Datetime.to_datetime(self.date_to)),
        ]

    def action_compute(self):
        for report in self:
            if report.state != "draft":
                raise UserError(self.env._("A published report is frozen."))
            report.write(report._compute_figures())
        return True

    def _compute_figures(self):
        self.ensure_one()
        Ticket = self.env["it.ticket"].with_context(active_test=False)
        domain = self._domain()
        done = [
            ("state", "in", ("resolved", "callback", "closed")),
            ("close_reason", "=", "resolved"),
        ]
        [[total]] = Ticket._read_group(domain, [], ["__count"])
        [[resolved, fcr, resolution]] = Ticket._read_group(
            domain + done, [], ["__count", "fcr_rate:avg", "resolution_hours:avg"]
        )
        [[response]] = Ticket._read_group(
            domain + [("date_first_response", "!=", False)], [], ["response_hours:avg"]
        )
        [[rated, satisfaction]] = Ticket._read_group(
            domain + [("rating_last_value", ">", 0)], [], ["__count", "rating_last_value:avg"]
        )
        [[redirected]] = Ticket._read_group(
            domain + [("is_redirected", "=", True)], [], ["__count"]
        )
        [[duplicates]] = Ticket._read_group(
            domain + [("close_reason", "=", "duplicate")], [], ["__count"]
        )
        end = fields.Datetime.to_datetime(self.date_to)
        [[backlog]] = Ticket._read_group(
            [
                ("company_id", "=", self.company_id.id),
                ("create_date", "<", end),
                "|",
                ("date_closed", "=", False),
                ("date_closed", ">=", end),
                ("state", "!=", "cancelled"),
            ],
            [],
            ["__count"],
        )
        majors = (
            self.env["it.major.incident"]
            .with_context(active_test=False)
            .search_count(
                [
                    ("company_id", "=", self.company_id.id),
                    ("date_declared", ">=", fields.Datetime.to_datetime(self.date_from)),
                    ("date_declared", "<", end),
                ]
            )
        )
        return {
            "ticket_count": total,
            "resolved_count": resolved,
            "fcr_rate": fcr or 0.0,
            "response_hours": response or 0.0,
            "resolution_hours": resolution or 0.0,
            "rated_count": rated,
            "satisfaction": satisfaction or 0.0,
            "redirected_count": redirected,
            "redirected_share": 100.0 * redirected / total if total else 0.0,
            "duplicate_count": duplicates,
            "backlog_count": backlog,
            "major_incident_count": majors,
            "breakdown_html": self._breakdown_html(Ticket, domain),
            "date_computed": fields.Datetime.now(),
        }

    def _breakdown_html(self, Ticket, domain):
        blocks = []
        titles = {
            "category_id": self.env._("Top categories"),
            "system_id": self.env._("Top systems"),
            "team_id": self.env._("Per team"),
            "user_id": self.env._("Per agent"),
            "region_id": self.env._("Per city"),
        }
        for field, title in titles.items():
            rows = Ticket._read_group(
                domain, [field], ["__count", "fcr_rate:avg"], order="__count desc", limit=10
            )
            body = Markup("").join(
                Markup("<tr><td>%s</td><td>%s</td><td>%s</td></tr>")
                % (value.display_name if value else "-", count, f"{fcr or 0:.0f}%")
                for value, count, fcr in rows
            )
            blocks.append(
                Markup(
                    "<h5>%s</h5><table class='table table-sm'><tr><th></th><th>%s</th><th>%s</th></tr>%s</table>"
                )
                % (escape(title), self.env._("Tickets"), self.env._("FCR"), body)
            )
        return Markup("").join(blocks)

    def action_publish(self):
        """Publish the report: frozen, PDF posted to the followers."""
        for report in self:
            if report.state != "draft":
                raise UserError(self.env._("This report is already published."))
            if not report.date_computed:
                report.action_compute()
        self.write({"state": "published"})
        pdf_report = self.env.ref("it_service_desk.action_report_service_quality")
        for report in self:
            content, _type = self.env["ir.actions.report"]._render_qweb_pdf(pdf_report, report.ids)
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{report.name}.pdf",
                    "raw": content,
                    "res_model": report._name,
                    "res_id": report.id,
                    "mimetype": "application/pdf",
                }
            )
            report.message_post(
                body=self.env._("The monthly service-quality report is published."),
                attachment_ids=attachment.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_reset(self):
        if not self.env.user.has_group("it_service_desk.group_it_manager"):
            raise UserError(self.env._("Only desk managers reopen a published report."))
        self.write({"state": "draft"})
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_published(self):
        if any(report.state == "published" for report in self):
            raise UserError(self.env._("Published reports cannot be deleted."))
