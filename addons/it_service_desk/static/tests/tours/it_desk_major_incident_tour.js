/** Declare a major incident from a ticket and post a status update
 * (used by tests/test_desk_tour.py, which opens the tour on the ticket). */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("it_desk_major_incident_tour", {
    steps: () => [
        {
            content: "Many calls about the same outage: declare a major incident",
            trigger: ".o_form_view button[name=action_declare_major_incident]",
            run: "click",
        },
        {
            content: "The major incident is declared",
            trigger: ".o_form_view .o_statusbar_status [aria-checked=true]:contains(Declared)",
        },
        {
            trigger: ".o_form_view div[name=name] input:value(Tour billing down in all cities)",
        },
        {
            content: "Post a status update",
            trigger: ".o_form_view button:contains(Post Status Update)",
            run: "click",
        },
        {
            trigger: ".modal div[name=body] .odoo-editor-editable",
            run: "editor Tour update: database failover in progress",
        },
        {
            content: "Send it to the subscribers",
            trigger: ".modal button[name=action_post]",
            run: "click",
        },
        {
            content: "The update is in the chatter",
            trigger:
                ".o_form_view:not(:has(.modal)) .o-mail-Message:contains(Tour update: database failover in progress)",
        },
        {
            trigger: ".o_notebook .nav-link:contains(Status Updates)",
            run: "click",
        },
        {
            content: "and in the list of status updates",
            trigger: "div[name=update_ids] .o_data_row:contains(database failover)",
        },
    ],
});
