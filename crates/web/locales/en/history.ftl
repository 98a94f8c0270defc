history-title = History
history-from = From revision
history-to = to revision
history-compare = Compare
history-changes = Changes from revision
history-no-change = These two revisions are the same.
history-revisions = Revisions
history-revision = Revision
history-when = When
history-who = Who
history-status = Status
history-restore = Restore
status-published = published
status-draft = draft
status-submitted = submitted for review
editor-title = Editors' desk
editor-memberships = { $count ->
    [one] { $formatted } membership request waits
   *[other] { $formatted } membership requests wait
}
editor-submitted = { $count ->
    [one] { $formatted } initiative to review
   *[other] { $formatted } initiatives to review
}
editor-nothing = Nothing waits for review.
editor-submitted-on = submitted on
editor-read = read it and its changes
editor-comment = Comment for the author
editor-comment-hint = required when sending back
editor-publish = Publish
editor-return = Send back
mail-published-subject = Published on Praxis: { $title }
mail-published-body = Hello { $name },

    an editor has published “{ $title }”. Everyone can now find it on Praxis.
    { $comment }

    { $link }

    — Praxis
mail-returned-subject = Please revise: { $title }
mail-returned-body = Hello { $name },

    an editor has sent “{ $title }” back to you with this comment:

    { $comment }

    Change it and submit it again. Its history: { $link }

    — Praxis
editor-comment-missing = Write what the author should change before sending it back.
unpublish-title = Unpublish
unpublish-reason = Reason, sent to the author
unpublish-reason-missing = Give the reason: the author is told.
unpublish-button = Unpublish it
mail-unpublished-subject = Unpublished from Praxis: { $title }
mail-unpublished-body = Hello { $name },

    an editor has taken “{ $title }” off the public site for this reason:

    { $comment }

    It is kept with its history as a draft. Change it and submit it again: { $link }

    — Praxis
editor-change = A change to a published initiative; the published version stays public until you decide.
status-change-waiting = published; a change waits for review
editor-calls-desk = Calls to action: requests to verify, calls to write
history-back = Back to the page
history-first = The first version.

# The difference between two revisions: each changed field, before and after.
history-before = Before
history-after = After
history-empty = (nothing)
history-field-title = Title
history-field-summary = Summary
history-field-body = Full description
history-field-city = City
history-field-country = Country
history-field-organisation = Organisation
history-field-kind = Kind
history-field-level = Level of government
history-field-themes = Themes
history-field-aims = Aims
history-field-started = Started
history-field-ended = Ended
history-field-links = Links
history-field-partners = Partners
history-field-status = Status
history-field-language = Written in
history-field-id = Identifier
history-field-text = Text
history-field-opens = Opens
history-field-closes = Closes
history-field-working-points = Working points
history-field-start = Starts
history-field-end = Ends
history-field-time-zone = Time zone
history-field-capacity = Places
history-field-format = Format
history-field-languages = Languages
history-field-interpretation = Interpretation
history-field-description = Description
history-field-online-link = Online link
history-field-venue = Venue
history-field-speakers = Speakers
history-field-initiatives = Initiatives
