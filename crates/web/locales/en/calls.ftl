# Calls to action
nav-calls = Calls to action
calls-title = Calls to action
calls-intro = Networks of cities publish calls that local and regional governments and institutions sign. Each register shows who joined, when, and what they committed to.
calls-none = No call is open at the moment.
calls-status-draft = Draft
calls-status-open = Open for signature
calls-status-closed = Closed
calls-dates-open = open since { $opens }
calls-dates-closing = open from { $opens } to { $closes }
calls-signatory-count = { $count ->
    [one] 1 signatory
   *[other] { $formatted } signatories
}
calls-shown-count = { $count ->
    [one] 1 shown
   *[other] { $formatted } shown
}
calls-point-count = { $count ->
    [one] 1 signatory
   *[other] { $formatted } signatories
}
calls-join-link = Join the call
calls-working-points = Working points
calls-version = Version of the text:
calls-latest = Latest signatories
calls-register-link = See the whole register
calls-register-title = Register of { $call }
calls-register-heading = Register of signatories
calls-filter-type = Type
calls-filter-country = Country
calls-filter-point = Working point
calls-filter-any = All
calls-map-title = Map of signatories
calls-map-description = { $count } of { $total } signatories are shown on the map; the list below names every one.
calls-map-caption = Drawn by Praxis from Natural Earth land outlines (public domain).
calls-chart-title = Signatories over time: running total at the end of each month
calls-chart-table = Show the figures as a table
calls-chart-month = Month
calls-chart-added = New signatories
calls-chart-total = Total
calls-list-heading = Signatories
calls-register-empty = No signatory matches these filters yet.
calls-joined = Joined
calls-open-data = Open data
calls-download-csv = Download the register (CSV)
calls-download-json = The register as JSON
calls-feed-link = New signatories (Atom feed)
calls-feed-title = New signatories: { $call }
calls-feed-entry = { $name } ({ $type }, { $place }) joined the call.
calls-signed-version = Version of the call signed
calls-version-current = current version:
calls-commitments = Commitments
calls-carried-out = Initiatives carrying them out
calls-no-initiatives = No initiative has been linked yet.
calls-badge-title = Badge for your website
calls-badge-intro = Show that your institution signed: copy this code into your website.
calls-badge-heading = Signatory of the call
calls-badge-code = HTML code of the badge
signatory-type-local-government = Local government
signatory-type-metropolitan-government = Metropolitan government
signatory-type-regional-government = Regional government
signatory-type-public-institution = Other public institution
signatory-type-organisation = Organisation
signatory-type-network = Network

# Joining
calls-join-title = Join the call
calls-join-intro = Fill in this form on behalf of your institution. We will send a link to the e-mail address you give; once you have confirmed it, the network's staff check the request before your institution appears in the register.
calls-join-institution = Name of the institution
calls-join-kind = Type of institution
calls-join-kind-choose = Choose a type
calls-join-city = City or place
calls-join-country = Country
calls-join-country-choose = Choose a country
calls-join-representative-name = Name of the representative
calls-join-representative-role = Role of the representative
calls-join-email = E-mail address
calls-join-email-hint = Used only to confirm this request and to tell you the decision. Never published.
calls-join-points = Working points your institution commits to
calls-join-consent = We agree that the name, type, place, date of joining and commitments of our institution are published in the public register and as open data.
calls-join-consent-legend = Publication
calls-join-submit = Send the request
calls-join-problem = Some fields need your attention; they are marked below.
calls-join-closed = This call does not accept signatures at the moment.
calls-join-throttled = Too many requests have been sent from your connection. Please try again in an hour.
calls-join-private = The representative's name and e-mail address are never shown publicly.
calls-sent-title = Check your e-mail
calls-sent-text = We have sent a confirmation link to the address you gave. Open it to confirm the request; it then goes to the network's staff for verification.
calls-confirm-title = Confirm your request
calls-confirm-text = Confirm that you sent this request to sign the call on behalf of { $institution }.
calls-confirm-button = Confirm the request
calls-confirmed-title = Request confirmed
calls-confirmed-text = Thank you. The network's staff will check your request, and you will receive an e-mail when your institution is in the register.
calls-confirm-unknown = This confirmation link is not valid. Check that it was copied whole, or send the form again.
calls-confirm-already = This request has already been confirmed. There is nothing more to do.
calls-back-to-call = Back to the call

# E-mail
calls-mail-confirm-subject = Confirm your signature of “{ $call }”
calls-mail-confirm-text = Hello { $name },

    We have received a request to sign the call “{ $call }” on behalf of { $institution }.

    To confirm it, open this link:
    { $link }

    The network's staff will then check the request before { $institution } appears in the public register. If you did not send this request, ignore this message: nothing will be published.
calls-mail-verified-subject = { $institution } has joined “{ $call }”
calls-mail-verified-text = Hello { $name },

    { $institution } is now in the public register of the call “{ $call }”:
    { $link }

    Its page offers a badge you can put on your own website.
calls-mail-rejected-subject = Your request to sign “{ $call }”
calls-mail-rejected-text = Hello { $name },

    The network's staff could not accept the request to sign the call “{ $call }” on behalf of { $institution }, for this reason:

    { $reason }

    You may reply to the network's staff or send a new request.

# Members
calls-member-title = Sign for your organisation
calls-member-intro = As a verified member of { $organisation }, you can sign for it in one step. It joins the register at once.
calls-member-button = Sign for { $organisation }
calls-member-place = City or place of { $organisation }

# Editors
calls-editor-title = Calls: editors' desk
calls-editor-queue = Requests waiting for verification
calls-editor-queue-empty = No confirmed request is waiting.
calls-editor-requested = Requested
calls-editor-representative = Representative
calls-editor-verify = Verify
calls-editor-reject = Reject
calls-editor-reason = Reason for rejecting (sent to the requester)
calls-editor-reason-missing = Give a reason: the requester is told.
calls-editor-merge = Already in the register as { $name }: verifying adds these commitments to its entry.
calls-editor-verified = { $name } is now in the register.
calls-editor-rejected = The request has been rejected and the requester told why.
calls-editor-calls = Calls
calls-editor-new = Write a new call
calls-editor-edit = Edit
calls-editor-new-title = New call
calls-editor-edit-title = Edit the call
calls-editor-saved = The call has been saved.
calls-editor-save = Save the call
calls-editor-preview = Preview
calls-field-id = Identifier (used in addresses; lower-case letters, digits and hyphens)
calls-field-title = Title
calls-field-text = Text (Markdown)
calls-field-language = In { $language }
calls-field-points = Working points
calls-field-points-hint = Each working point keeps its identifier for good: signatories commit to it. Leave a row empty to skip it.
calls-field-point-id = Identifier of working point { $n }
calls-field-point-text = Working point { $n } in { $language }
calls-field-opens = Opening date (YYYY-MM-DD)
calls-field-closes = Closing date (YYYY-MM-DD, optional)
calls-field-status = Status
error-invalid_email = Give an e-mail address such as name@example.org.
error-consent_required = The register is public: agree to publication to join.
error-missing_translation = Give this in every language of the call.
calls-link-label = Initiatives carrying out these commitments
calls-link-hint = The identifiers or addresses of published initiatives, one per line.
calls-link-unknown = No published initiative has this identifier: { $ids }
calls-link-button = Save the links
calls-link-title = Link the initiatives that carry these commitments out
calls-link-find = Find initiatives by their words, city or title
calls-link-search = Search
calls-link-start = Nothing is linked yet: search above, then tick what carries these commitments out.
calls-link-none-found = The search found no other published initiative. Try other words.
calls-link-paste = Or paste addresses or identifiers
calls-link-paste-label = Addresses or identifiers of published initiatives
calls-editor-twins = { $count ->
    [one] Another request for the same institution is waiting: verifying both makes one entry.
   *[other] { $formatted } other requests for the same institution are waiting: verifying them makes one entry.
}
