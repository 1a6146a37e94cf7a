/** A breached SLA shows on the ticket kanban card and on the form
 * (used by tests/test_sla_tour.py, which prepares the breached ticket). */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("it_sla_breach_tour", {
    url: "/odoo/action-it_service_desk.it_ticket_action",
    steps: () => [
        {
            content: "The desk lead looks at the board",
            trigger: ".o_kanban_view .o_searchview_input",
            run: "edit Tour SLA",
        },
        {
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "The breached ticket carries a red Breached badge",
            trigger:
                ".o_kanban_record:contains(Tour SLA breached ticket) .badge.text-bg-danger:contains(Breached)",
        },
        {
            content: "The ticket still on time does not",
            trigger:
                ".o_kanban_record:contains(Tour SLA ticket on time):not(:has(.badge:contains(Breached)))",
        },
        {
            content: "Only breached tickets",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            trigger: ".o_filter_menu .o-dropdown-item:contains(SLA Breached)",
            run: "click",
        },
        {
            content: "The ticket on time is filtered out",
            trigger: ".o_kanban_view:not(:has(.o_kanban_record:contains(Tour SLA ticket on time)))",
        },
        {
            content: "Open the breached ticket",
            trigger: ".o_kanban_record:contains(Tour SLA breached ticket)",
            run: "click",
        },
        {
            content: "The form says so too",
            trigger: ".o_form_view .ribbon:contains(SLA Breached)",
        },
    ],
});
