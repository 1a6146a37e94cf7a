/** Dispatch to back office, the engineer resolves, the callback closes the loop with a
 * rating (used by tests/test_desk_tour.py; the test opens each tour on its record). */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("it_desk_dispatch_tour", {
    steps: () => [
        {
            content: "The agent cannot fix it on the phone: dispatch",
            trigger: ".o_form_view button[name=action_dispatch]",
            run: "click",
        },
        {
            content: "Choose the back-office team",
            trigger: ".modal div[name=team_id] input",
            run: "edit Tour Billing BO",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Billing BO)",
            run: "click",
        },
        {
            trigger: ".modal div[name=note] textarea, .modal div[name=note] input",
            run: "edit Invoice run fails for this customer",
        },
        {
            content: "Send the work order",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The ticket is now a work order of the back office",
            trigger:
                ".o_form_view:not(:has(.modal)) .o_statusbar_status [aria-checked=true]:contains(Dispatched to Back Office)",
        },
        {
            content: "The chatter says where it went",
            trigger: ".o-mail-Message:contains(Work order dispatched to Tour Billing BO)",
        },
    ],
});

registry.category("web_tour.tours").add("it_desk_backoffice_tour", {
    steps: () => [
        {
            content: "The engineer sees the work order",
            trigger: ".o_form_view .o_statusbar_status [aria-checked=true]:contains(Dispatched to Back Office)",
        },
        {
            trigger: ".o_notebook .nav-link:contains(Resolution)",
            run: "click",
        },
        {
            trigger: "div[name=resolution] .odoo-editor-editable",
            run: "editor Re-ran the invoice batch",
        },
        {
            content: "Resolve the work order",
            trigger: ".o_form_view button[name=action_resolve]",
            run: "click",
        },
        {
            content: "Resolved: the callback team takes over",
            trigger: ".o_form_view .o_statusbar_status [aria-checked=true]:contains(Resolved)",
        },
    ],
});

registry.category("web_tour.tours").add("it_desk_callback_tour", {
    url: "/odoo/action-it_service_desk.it_callback_action",
    steps: () => [
        {
            content: "Open the callback of the tour ticket from the queue",
            trigger: ".o_data_row:contains(Tour Caller) td[name=ticket_id]",
            run: "click",
        },
        {
            content: "Call the requester",
            trigger: ".o_form_view button[name=action_open_wizard]",
            run: "click",
        },
        {
            content: "The requester is very satisfied",
            trigger: ".modal div[name=rating] input[data-value='5']",
            run: "click",
        },
        {
            trigger: ".modal div[name=remarks] textarea",
            run: "edit Quick fix, thanks",
        },
        {
            content: "Record the call",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The callback is done",
            trigger: ".o_form_view:not(:has(.modal)) .o_statusbar_status [aria-checked=true]:contains(Done)",
        },
        {
            content: "with the satisfaction recorded",
            trigger: ".o_form_view div[name=rating]:contains(5)",
        },
        {
            content: "Go to the ticket",
            trigger: ".o_form_view button[name=action_open_ticket]",
            run: "click",
        },
        {
            content: "The loop is closed",
            trigger: ".o_form_view .o_statusbar_status [aria-checked=true]:contains(Closed)",
        },
    ],
});
