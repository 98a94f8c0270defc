# Live learning: events, registration, calendars, the knowledge hub (English).
nav-events = Events

## Lists
events-title = Events
events-lead = Webinars, peer exchanges and workshops where officials from cities and regions present what they did, in several languages.
events-hub-link = Past sessions: recordings and briefing notes
events-upcoming-link = Upcoming events
events-subscribe = Subscribe to this calendar (iCalendar)
events-calendar-name = Praxis events
events-filter-theme = Theme
events-filter-language = Language you follow
events-filter-any = Any
events-filter-apply = Show events
events-none = No events are planned at the moment. Past sessions stay available with their recordings.
events-none-filtered = No upcoming event matches these filters.
events-hub-title = Knowledge hub: past sessions
events-hub-lead = What was said in past sessions, by theme: recordings, briefing notes and the initiatives discussed.
events-hub-none = No session has taken place yet.
events-hub-themes = Themes
events-hub-search = Search past sessions
events-hub-words = Words
events-hub-apply = Show sessions
events-hub-all = All past sessions
events-hub-none-filtered = No past session matches. Try fewer words or another theme.

## One event
events-format = Format
events-format-webinar = Webinar
events-format-peer-exchange = Peer exchange
events-format-workshop = Workshop
events-format-conference = Conference
events-when = When
events-utc = In UTC
events-your-time = In your time zone
events-languages = Languages spoken
events-interpretation = Interpretation into
events-where = Where
events-venue = Venue
events-online = Online
events-online-private = Online: the link is sent to registered participants.
events-seats = Seats
events-seats-left = { $count ->
    [one] One seat left
   *[other] { $formatted } seats left
}
events-full = Full: registrations join the waiting list
events-full-waiting = This event is full. Register to join the waiting list: when someone cancels, the first person waiting gets the seat and an e-mail.
events-speakers = Speakers
events-recording-title = Recording
events-recording = Watch the recording
events-briefing = Briefing note
events-initiatives = Initiatives discussed
events-add-to-calendar = Add to my calendar (.ics)
events-edit-link = Edit this event
events-registrants-link = Registrations

## Registration
events-register-title = Register
events-register-as = You are signed in as
events-register-button = Register
events-join-waiting-list = Join the waiting list
events-field-name = Name
events-field-email = E-mail address
events-field-organisation = Organisation
events-field-consent = I agree that the organisers keep my name, e-mail address and organisation to manage this event, and write to me about it.
events-optional = optional
events-form-has-errors = Some answers need correcting; each problem is shown next to its field.
events-closed = Registration has closed: this event has started.
events-registered-title = You are registered
events-registered-text = Your seat is booked. We have sent you a confirmation e-mail with the event for your calendar.
events-waiting-title = You are on the waiting list
events-waiting-text = The event is full, so you are on the waiting list. If someone cancels, the seat goes to the first person waiting, and we write to you at once.
events-cancelled-title = Your registration is cancelled
events-cancelled-text = Your registration is cancelled. Thank you for freeing your seat for someone else.
events-join-online = Join online
events-cancel-text = Can't come? Cancelling gives your seat to the next person on the waiting list.
events-cancel-button = Cancel my registration

## E-mail
events-mail-hello = Hello { $name },
events-mail-confirmation-subject = Registered: { $title }
events-mail-confirmation-text = Your seat is booked. The attached file adds the event to your calendar.
events-mail-waiting-subject = Waiting list: { $title }
events-mail-waiting-text = The event is full, so you are on the waiting list. If a seat frees up, it is yours and we will write to you at once.
events-mail-promoted-subject = A seat is yours: { $title }
events-mail-promoted-text = Good news: a seat has freed up and it is now yours. The attached file adds the event to your calendar.
events-mail-reminder-subject = Tomorrow: { $title }
events-mail-reminder-text = A reminder: the event you registered for starts in about a day.
events-mail-cancelled-subject = Cancelled: { $title }
events-mail-cancelled-text = Your registration is cancelled.
events-mail-cancel = Can't come? Cancel here, so that someone on the waiting list gets your seat:
events-mail-again = Changed your mind? You can register again here:
events-mail-signature = Praxis: cities sharing what they have learned.

## Editors
events-new-title = New event
events-edit-title = Edit: { $title }
events-save = Save the event
events-field-id = Identifier (made from the title when left empty)
events-field-language = Language the event is described in
events-field-title = Title
events-field-description = Description
events-field-briefing = Briefing note (Markdown, after the event)
events-field-start = Starts (local time where it takes place)
events-field-end = Ends (local time)
events-field-time-zone = Time zone: type the city (Montevideo) or the zone (America/Montevideo)
events-field-speakers = Speakers, one per line: name | role | organisation | place
events-field-online-link = Online link (shown to registered participants only)
events-field-capacity = Seats (empty for no limit)
events-field-recording = Recording link
events-field-initiatives = Initiatives discussed (their identifiers, one per line)
events-registrants-title = Registrations: { $title }
events-registrants-private = Personal data: for the organisers only.
events-export-csv = Download as CSV
events-no-registrants = Nobody has registered yet.
events-status = Status
events-status-confirmed = Confirmed
events-status-waiting = Waiting list
events-status-cancelled = Cancelled
events-registered-at = Registered
events-member = member

## Problems with what was typed
events-error-required = This field is required.
events-error-wrong_type = This value has the wrong type.
events-error-too_short = This is too short.
events-error-too_long = This is too long.
events-error-too_many = There are too many of these.
events-error-invalid_format = This is not in the expected format.
events-error-unknown_value = Choose one of the options.
events-error-missing_original_language = Give this in the event's language too.
events-error-duplicate = This is already used or listed twice.
events-error-invalid_url = Give a web address starting with http:// or https://.
events-error-invalid_datetime = Give a date and time, such as 2026-03-26T10:00.
events-error-unknown_time_zone = Give an IANA time zone name, such as Europe/Paris or America/Montevideo.
events-error-nonexistent_time = This time does not exist there: the clocks skip it when daylight saving time begins. Choose another time.
events-error-date_order = The end must be after the start.
events-error-too_long_duration = An event lasts at most two weeks.
events-error-invalid_capacity = Give a number of seats from 1 to 100,000, or leave it empty for no limit.
events-error-online_or_venue = Give an online link, a venue, or both.
events-error-invalid_email = Give an e-mail address such as name@example.org.
events-error-consent_required = Tick this box to register: we need your agreement to keep your details.
events-manage-by-mail = The e-mail we sent you has the link to your registration: the online link (once your seat is confirmed) and the button to cancel are there.
events-error-unsafe_markup = Remove the script: the text may hold formatting and links, not scripts or event handlers.
events-mail-already-subject = Your registration: { $title }
events-mail-already-body = Hello { $name },

    Someone (perhaps you) asked to register this address for “{ $title }”, which is already registered. Nothing has changed. Your registration, with the button to cancel it, is here:

    { $link }

    If it was not you, you need not do anything.

    — Praxis
