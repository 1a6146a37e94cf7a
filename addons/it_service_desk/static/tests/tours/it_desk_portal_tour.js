/** A requester files a ticket on the portal, then rates its resolution
 * (used by tests/test_desk_tour.py). */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("it_desk_portal_file_tour", {
    url: "/my/it-tickets/new",
    steps: () => [
        {
            content: "Describe the fault",
            trigger: "form[action='/my/it-tickets/new'] input#name",
            run: "edit Tour VPN drops every hour",
        },
        {
            trigger: "select#system_id",
            run: "selectByLabel Tour VPN Gateway",
        },
        {
            trigger: "textarea#description",
            run: "edit Since this morning, from the Guangzhou office",
        },
        {
            content: "Submit",
            trigger: "form[action='/my/it-tickets/new'] button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The requester sees the new ticket, still New",
            trigger: ".card-header:contains(Tour VPN drops every hour) .badge:contains(New)",
        },
        {
            content: "with the system chosen",
            trigger: ".card-body:contains(Tour VPN Gateway)",
        },
    ],
});

registry.category("web_tour.tours").add("it_desk_portal_rate_tour", {
    steps: () => [
        {
            content: "The ticket is resolved, with its resolution",
            trigger: ".card-header:contains(Tour VPN drops every hour) .badge:contains(Resolved)",
        },
        {
            trigger: ".card-body:contains(Reconnected the VPN profile)",
        },
        {
            content: "Rate it: satisfied",
            trigger: ".o_it_rating a:contains(Satisfied)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: "h1:contains(Thank you for rating our services)",
        },
        {
            trigger: "textarea[name=feedback]",
            run: "edit Works again, thanks",
        },
        {
            trigger: "button[type=submit]:contains(Send Feedback)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The feedback is recorded",
            trigger: "h3:contains(Thank you for your feedback!)",
        },
    ],
});
