## Errors the application answers with, as pages
error-conflict-title = This changed meanwhile
error-conflict-text = Someone else changed this while you were working on it. Reload the page to see the current version, then try again; nothing was saved.
error-invalid-title = Something in the request is not right
error-invalid-text = Some of what was sent cannot be accepted. Go back, check the form and try again; nothing was saved.
error-internal-title = Something went wrong on our side
error-internal-text = We could not finish this. Please try again in a moment; if it keeps happening, tell the network's staff.
error-reason_required = Say why, for the author: sending back and unpublishing need a reason.
error-unknown_reason = Choose one of the reasons offered.
error-unknown_initiatives = These do not name a published initiative: { $ids }
error-invalid_kind = Choose one of the kinds offered.
error-id_taken = This id is already in use; choose another.
error-out_of_range = This value is outside what is accepted.
