## Comptes : inscription, connexion, connexion en deux étapes, réinitialisation du mot de passe, page du compte,
## examen des demandes d’adhésion et liste des comptes pour les administrateurs.

nav-sign-in = Se connecter
nav-sign-out = Se déconnecter
nav-editor = Éditeurs
nav-admin = Comptes

yes = oui
no = non

error-forbidden-title = Action non autorisée
error-forbidden-text = Votre compte ne permet pas d’effectuer cette action. Si vous pensez qu’il le devrait, adressez-vous à un éditeur de votre réseau.
error-csrf-title = Ce formulaire a expiré
error-csrf-text = Par mesure de sécurité, le formulaire n’a pas pu être accepté. Revenez en arrière, rechargez la page et envoyez-le à nouveau ; rien n’a été enregistré.
error-bad-form-title = Le formulaire n’a pas pu être lu
error-bad-form-text = Certaines données du formulaire ne correspondent pas à ce qu’attend cette page. Revenez en arrière et réessayez ; rien n’a été enregistré.
error-too-large-title = Envoi trop volumineux
error-too-large-text = Ce que vous avez envoyé dépasse la taille acceptée par cette page. Rien n’a été enregistré.

form-has-errors = Veuillez corriger les points suivants
form-optional = facultatif

field-email = Adresse e-mail
field-password = Mot de passe
field-new-password = Nouveau mot de passe
field-new-password-hint = Au moins 10 caractères. Quelques mots sans rapport entre eux sont faciles à retenir et difficiles à deviner.
field-name = Votre nom
field-code = Code à six chiffres
field-next = Page suivante

problem-required = Veuillez remplir ce champ.
problem-too_long = Cette valeur est trop longue.
problem-email = Saisissez une adresse e-mail, par exemple nom@ville.fr.
problem-password_too_short = Le mot de passe doit comporter au moins 10 caractères.
problem-password_too_long = Le mot de passe ne peut pas dépasser 200 caractères.
problem-password_is_email = Le mot de passe ne doit pas être votre adresse e-mail.

sign-in-title = Connexion
sign-in-button = Se connecter
sign-in-forgot = Mot de passe oublié ?
sign-in-no-account = Pas encore de compte ? Inscrivez-vous
sign-in-wrong = L’adresse e-mail ou le mot de passe est incorrect.
sign-in-unverified = Veuillez d’abord confirmer votre adresse e-mail : suivez le lien que nous vous avons envoyé lors de votre inscription.
sign-in-throttled = Trop de tentatives. Pour la sécurité de votre compte, veuillez patienter 15 minutes avant de réessayer.

code-title = Connexion en deux étapes
code-intro = Saisissez le code à six chiffres qu’affiche votre application d’authentification pour Praxis.
code-button = Continuer
code-wrong = Ce code est incorrect ou a déjà été utilisé. Saisissez le code qu’affiche actuellement votre application.

two-factor-title = Configurer la connexion en deux étapes
two-factor-intro = Les éditeurs et les administrateurs se connectent en deux étapes. Ajoutez Praxis à une application d’authentification (toute application compatible avec les codes TOTP), puis saisissez le code qu’elle affiche.
two-factor-secret-label = Votre clé, à saisir dans l’application ou à ouvrir sous forme de lien :
two-factor-button = Activer la connexion en deux étapes
two-factor-done = La connexion en deux étapes est activée.

sign-up-title = Créer un compte
sign-up-intro = Avec un compte, vous pouvez rejoindre votre organisme, publier ses initiatives, vous inscrire à des événements et signer des appels en son nom.
sign-up-button = Créer le compte
sign-up-have-account = Vous avez déjà un compte ? Connectez-vous
sign-up-sent-title = Consultez votre messagerie
sign-up-sent-text = Nous avons envoyé un message à { $email }. Suivez le lien qu’il contient pour confirmer votre adresse, puis connectez-vous.

verify-title = Adresse confirmée
verify-done = Merci : votre adresse e-mail est confirmée. Vous pouvez maintenant vous connecter.
verify-failed-title = Ce lien n’est plus valide
verify-failed = Ce lien est inconnu, a expiré ou a déjà été utilisé.

forgot-title = Réinitialiser votre mot de passe
forgot-intro = Saisissez l’adresse e-mail de votre compte. Nous vous enverrons un lien pour choisir un nouveau mot de passe.
forgot-button = Envoyer le lien
forgot-sent-title = Consultez votre messagerie
forgot-sent-text = Si un compte est associé à { $email }, un lien pour choisir un nouveau mot de passe vous a été envoyé. Il est valable une heure.

reset-title = Choisir un nouveau mot de passe
reset-button = Enregistrer le nouveau mot de passe
reset-done = Votre nouveau mot de passe est enregistré et toutes vos sessions précédentes ont été fermées.
reset-failed = Ce lien est inconnu, a expiré ou a déjà été utilisé. Demandez-en un nouveau.

account-title = Votre compte
account-role = Rôle
account-two-factor = Connexion en deux étapes
account-two-factor-on = activée
account-two-factor-off = désactivée.
account-two-factor-set-up = La configurer
account-organisations = Vos organismes
account-no-organisation = Vous n’êtes encore membre d’aucun organisme.
account-sessions = Sessions
sign-out-everywhere = Se déconnecter de toutes les sessions

role-member = membre
role-editor = éditeur
role-admin = administrateur

membership-pending = en attente d’un éditeur
membership-verified = membre vérifié
membership-refused = demande non acceptée

join-label = Rejoindre un organisme
join-button = Demander à rejoindre
join-hint = Si votre adresse e-mail appartient à l’un des domaines propres à l’organisme, vous le rejoignez immédiatement ; sinon, un éditeur examine votre demande.
join-done = Vous êtes désormais membre.
join-requested = Votre demande a été transmise aux éditeurs.

tokens-title = Jetons d’API
tokens-intro = Un jeton permet à un script d’utiliser l’API de Praxis en votre nom. Gardez-le secret et révoquez-le lorsque vous n’en avez plus besoin.
token-label = Libellé
token-created = Création
token-state = État
token-is-revoked = révoqué
token-revoke = Révoquer
token-create = Créer un jeton
token-new = Votre nouveau jeton. Copiez-le maintenant : il ne sera plus affiché.
token-revoked = Le jeton a été révoqué.

members-title = Demandes d’adhésion
members-none = Aucune demande en attente.
members-organisation = Organisme
members-requested = Demandé le
members-decision = Décision
members-verify = Valider
members-refuse = Refuser

accounts-title = Comptes
accounts-verified = Adresse confirmée
accounts-save = Enregistrer

mail-verify-subject = Confirmez votre adresse e-mail pour Praxis
mail-verify-body = Bonjour { $name },

    Veuillez confirmer votre adresse e-mail en ouvrant ce lien :

    { $link }

    Ce lien est valable trois jours. Si vous n’avez pas créé de compte sur Praxis, ignorez ce message.

    — Praxis
mail-exists-subject = Votre compte Praxis
mail-exists-body = Bonjour,

    Quelqu’un a tenté de créer un compte Praxis avec cette adresse, qui en possède déjà un. Si c’était vous et que vous avez oublié votre mot de passe, choisissez-en un nouveau ici :

    { $link }

    Si ce n’était pas vous, rien n’a été modifié et vous pouvez ignorer ce message.

    — Praxis
mail-reset-subject = Choisissez un nouveau mot de passe Praxis
mail-reset-body = Bonjour { $name },

    Pour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure qui suit :

    { $link }

    Si vous n’avez pas fait cette demande, ignorez ce message : votre mot de passe reste inchangé.

    — Praxis
mail-membership-verified-subject = Vous êtes membre de { $organisation } sur Praxis
mail-membership-verified-body = Bonjour { $name },

    Un éditeur a confirmé que vous êtes membre de { $organisation }. Vous pouvez désormais rédiger et soumettre ses initiatives.

    — Praxis
mail-membership-refused-subject = Votre demande pour rejoindre { $organisation }
mail-membership-refused-body = Bonjour { $name },

    Un éditeur n’a pas pu confirmer que vous êtes membre de { $organisation }. Si vous pensez qu’il s’agit d’une erreur, contactez l’équipe de votre réseau.

    — Praxis
organisations-title = Organismes
organisations-intro = Un membre rejoint un organisme tout de suite si son adresse confirmée appartient à l’un de ses domaines ; sinon un éditeur examine la demande.
organisations-kind = Type
organisations-domains = Domaines de messagerie (séparés par des espaces)
organisation-kind-local = collectivité locale
organisation-kind-metropolitan = autorité métropolitaine
organisation-kind-regional = gouvernement régional
organisation-kind-national = gouvernement national
organisation-kind-network = réseau de gouvernements
organisation-kind-other = autre
error-too-many-title = Trop de demandes
error-too-many-text = Ce formulaire a été envoyé trop souvent depuis votre réseau au cours de la dernière heure. Patientez puis réessayez ; rien n’a été enregistré.
error-too-many-searches = Votre réseau a envoyé un très grand nombre de recherches en peu de temps. Patientez une minute avant de chercher à nouveau, ou connectez-vous : les membres ne sont pas limités.
organisations-search = Trouver un organisme (nom ou domaine de messagerie)
organisations-pages = Pages d’organismes
organisations-previous = Organismes précédents
organisations-next = Organismes suivants
organisations-count = { $count ->
    [one] Un organisme
   *[other] { $count } organismes
}
