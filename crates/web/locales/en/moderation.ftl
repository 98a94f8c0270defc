## Reports from readers, and what editors are told.

status-hidden = hidden after a report
report-title = Report a problem with this initiative
report-reason = What is wrong?
report-reason-incorrect = Something in it is not correct
report-reason-offensive = It is offensive or hateful
report-reason-personal_data = It reveals someone's personal data
report-reason-copyright = It copies someone else's work
report-reason-spam = It is advertising or spam
report-reason-other = Something else
report-details = Tell the editors more
report-send = Send the report
report-thanks = Thank you. The editors will look at your report.
editor-reports = { $count ->
    [one] { $formatted } report to resolve
   *[other] { $formatted } reports to resolve
}
editor-no-reports = No report waits.
editor-report-note = Note for the record
editor-hide = Hide the initiative
editor-dismiss = Dismiss the report
mail-report-subject = A reader reported an initiative on Praxis
mail-report-body = Hello,

    a reader reported the initiative { $id }. Resolve it on the editors' desk:

    { $link }

    — Praxis
mail-hidden-changed-subject = A hidden initiative was changed: { $title }
mail-hidden-changed-body = Hello,

    The authors of “{ $title }” ({ $id }) changed it after editors hid it. It stays hidden until an editor looks at it again on the desk:

    { $link }

    — Praxis
mail-submitted-subject = To review on Praxis: { $title }
mail-submitted-body = Hello,

    “{ $title }” has been submitted for review. It waits on the editors' desk:

    { $link }

    — Praxis
audit-title = Audit log
audit-intro = Every action of editors and administrators, newest first.
audit-action = Action
audit-subject = Subject
audit-detail = Detail
audit-filter = Filter the audit log
audit-any-action = Any action
audit-who = Person or subject
audit-apply = Apply
audit-pages = Pages of the audit log
audit-newer = Newer entries
audit-older = Older entries
audit-count = { $count ->
    [one] One entry
   *[other] { $count } entries
}
audit-action-initiative-save = Saved an initiative
audit-action-initiative-publish = Published an initiative
audit-action-initiative-return = Sent an initiative back to its authors
audit-action-initiative-unpublish = Unpublished an initiative
audit-action-initiative-restore = Restored an earlier revision
audit-action-report-hide = Hid a reported initiative
audit-action-report-dismiss = Dismissed a report
audit-action-membership-verify = Verified a membership
audit-action-membership-refuse = Refused a membership
audit-action-account-role = Changed a role
audit-action-organisation-update = Updated an organisation
audit-action-call-save = Saved a call to action
audit-action-call-verify = Verified a signatory
audit-action-call-reject = Rejected a request to sign
audit-action-event-save = Saved an event
audit-action-event-registrants-export = Downloaded an event's registrants
