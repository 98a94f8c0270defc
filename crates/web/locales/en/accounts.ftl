## Accounts: sign up, sign in, two-factor, password reset, the account page,
## membership review and the admins' account list.

nav-sign-in = Sign in
nav-sign-out = Sign out
nav-editor = Editors
nav-admin = Accounts

yes = yes
no = no

error-forbidden-title = Not allowed
error-forbidden-text = Your account may not do this. If you think it should, ask an editor of your network.
error-csrf-title = This form has expired
error-csrf-text = For your safety the form could not be accepted. Go back, reload the page and send it again; nothing was saved.
error-bad-form-title = The form could not be read
error-bad-form-text = Something in the form was not what this page expects. Go back and try again; nothing was saved.
error-too-large-title = Too large
error-too-large-text = What you sent is larger than this page accepts. Nothing was saved.

form-has-errors = Please correct the following
form-optional = optional

field-email = E-mail address
field-password = Password
field-new-password = New password
field-new-password-hint = At least 10 characters. A few unrelated words are easy to remember and hard to guess.
field-name = Your name
field-code = Six-digit code
field-next = Next page

problem-required = Please fill this in.
problem-too_long = This is too long.
problem-email = Enter an e-mail address such as name@city.gov.
problem-password_too_short = The password needs at least 10 characters.
problem-password_too_long = The password may have at most 200 characters.
problem-password_is_email = The password must not be your e-mail address.

sign-in-title = Sign in
sign-in-button = Sign in
sign-in-forgot = Forgot your password?
sign-in-no-account = No account yet? Sign up
sign-in-wrong = The e-mail address or the password is not right.
sign-in-unverified = Please confirm your e-mail address first: follow the link we sent you when you signed up.
sign-in-throttled = Too many attempts. For your account's safety, wait 15 minutes before trying again.

code-title = Two-step sign-in
code-intro = Enter the six-digit code your authenticator app shows for Praxis.
code-button = Continue
code-wrong = That code is not right or has already been used. Enter the code your app shows now.

two-factor-title = Set up two-step sign-in
two-factor-intro = Editors and administrators sign in with a second step. Add Praxis to an authenticator app (any app that supports TOTP codes), then enter the code it shows.
two-factor-secret-label = Your key, to type into the app or to open as a link:
two-factor-button = Turn on two-step sign-in
two-factor-done = Two-step sign-in is on.

sign-up-title = Create an account
sign-up-intro = With an account you can join your organisation, publish its initiatives, register for events and sign calls on its behalf.
sign-up-button = Create account
sign-up-have-account = Already have an account? Sign in
sign-up-sent-title = Check your e-mail
sign-up-sent-text = We sent a message to { $email }. Follow the link in it to confirm your address, then sign in.

verify-title = Address confirmed
verify-done = Thank you: your e-mail address is confirmed. You can sign in now.
verify-failed-title = This link no longer works
verify-failed = The link is unknown, has expired or has already been used.

forgot-title = Reset your password
forgot-intro = Enter the address of your account. We will send you a link to choose a new password.
forgot-button = Send the link
forgot-sent-title = Check your e-mail
forgot-sent-text = If { $email } has an account, a link to choose a new password is on its way. It works for one hour.

reset-title = Choose a new password
reset-button = Save the new password
reset-done = Your new password is saved, and every earlier session has been signed out.
reset-failed = The link is unknown, has expired or has already been used. Ask for a new one.

account-title = Your account
account-role = Role
account-two-factor = Two-step sign-in
account-two-factor-on = on
account-two-factor-off = off.
account-two-factor-set-up = Set it up
account-organisations = Your organisations
account-no-organisation = You are not a member of an organisation yet.
account-sessions = Sessions
sign-out-everywhere = Sign out everywhere

role-member = member
role-editor = editor
role-admin = administrator

membership-pending = waiting for an editor
membership-verified = verified member
membership-refused = not accepted

join-label = Join an organisation
join-button = Ask to join
join-hint = If your e-mail address is at one of the organisation's own domains you join at once; otherwise an editor checks your request.
join-done = You are now a member.
join-requested = Your request has been sent to the editors.

tokens-title = API tokens
tokens-intro = A token lets a script use the Praxis API as you. Keep it secret; revoke it when it is no longer needed.
token-label = Label
token-created = Created
token-state = State
token-is-revoked = revoked
token-revoke = Revoke
token-create = Create a token
token-new = Your new token. Copy it now: it will not be shown again.
token-revoked = The token has been revoked.

members-title = Membership requests
members-none = No request is waiting.
members-organisation = Organisation
members-requested = Asked on
members-decision = Decision
members-verify = Verify
members-refuse = Refuse

accounts-title = Accounts
accounts-verified = Address confirmed
accounts-save = Save

mail-verify-subject = Confirm your e-mail address for Praxis
mail-verify-body = Hello { $name },

    please confirm your e-mail address by opening this link:

    { $link }

    The link works for three days. If you did not create an account on Praxis, ignore this message.

    — Praxis
mail-exists-subject = Your Praxis account
mail-exists-body = Hello,

    someone tried to create a Praxis account with this address, which already has one. If it was you and you forgot your password, choose a new one here:

    { $link }

    If it was not you, nothing has changed and you can ignore this message.

    — Praxis
mail-reset-subject = Choose a new Praxis password
mail-reset-body = Hello { $name },

    to choose a new password, open this link within one hour:

    { $link }

    If you did not ask for it, ignore this message: your password stays as it is.

    — Praxis
mail-membership-verified-subject = You are a member of { $organisation } on Praxis
mail-membership-verified-body = Hello { $name },

    an editor has verified you as a member of { $organisation }. You can now write and submit its initiatives.

    — Praxis
mail-membership-refused-subject = Your request to join { $organisation }
mail-membership-refused-body = Hello { $name },

    an editor could not verify you as a member of { $organisation }. If you think this is a mistake, reply to your network's staff.

    — Praxis
organisations-title = Organisations
organisations-intro = A member joins an organisation at once when their confirmed e-mail address is at one of its domains; otherwise an editor checks the request.
organisations-kind = Kind
organisations-domains = E-mail domains (separated by spaces)
organisation-kind-local = local government
organisation-kind-metropolitan = metropolitan authority
organisation-kind-regional = regional government
organisation-kind-national = national government
organisation-kind-network = network of governments
organisation-kind-other = other
error-too-many-title = Too many requests
error-too-many-text = This form has been sent too often from your network in the last hour. Please wait and try again later; nothing was saved.
error-too-many-searches = Your network has sent a great many searches in a short time. Please wait a minute and search again, or sign in: members are not limited.
organisations-search = Find an organisation (name or e-mail domain)
organisations-pages = Pages of organisations
organisations-previous = Previous organisations
organisations-next = More organisations
organisations-count = { $count ->
    [one] One organisation
   *[other] { $count } organisations
}
