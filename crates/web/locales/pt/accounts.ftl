## Contas: cadastro, entrada, acesso em duas etapas, redefinição de senha, a página da conta,
## análise dos pedidos de adesão e a lista de contas para administradores.

nav-sign-in = Entrar
nav-sign-out = Sair
nav-editor = Editores
nav-admin = Contas

yes = sim
no = não

error-forbidden-title = Ação não permitida
error-forbidden-text = A sua conta não tem permissão para esta ação. Se considerar que deveria ter, consulte a equipe editorial da sua rede.
error-csrf-title = Este formulário expirou
error-csrf-text = Por segurança, não foi possível aceitar o formulário. Volte à página anterior, recarregue-a e envie o formulário novamente; nada foi salvo.
error-bad-form-title = Não foi possível ler o formulário
error-bad-form-text = Alguns dados do formulário não correspondem ao que esta página espera. Volte à página anterior e tente novamente; nada foi salvo.
error-too-large-title = Envio grande demais
error-too-large-text = O conteúdo enviado excede o tamanho aceito por esta página. Nada foi salvo.

form-has-errors = Corrija os seguintes pontos
form-optional = opcional

field-email = Endereço de e-mail
field-password = Senha
field-new-password = Nova senha
field-new-password-hint = Pelo menos 10 caracteres. Algumas palavras sem relação entre si são fáceis de lembrar e difíceis de adivinhar.
field-name = Nome
field-code = Código de seis dígitos
field-next = Página seguinte

problem-required = Preencha este campo.
problem-too_long = Este valor é longo demais.
problem-email = Informe um endereço de e-mail, por exemplo nome@cidade.gov.
problem-password_too_short = A senha deve ter pelo menos 10 caracteres.
problem-password_too_long = A senha pode ter no máximo 200 caracteres.
problem-password_is_email = A senha não pode ser o seu endereço de e-mail.

sign-in-title = Entrar
sign-in-button = Entrar
sign-in-forgot = Esqueceu a senha?
sign-in-no-account = Ainda não tem conta? Crie uma
sign-in-wrong = Endereço de e-mail ou senha incorretos.
sign-in-unverified = Confirme primeiro o seu endereço de e-mail: siga o link enviado no momento da criação da conta.
sign-in-throttled = Tentativas demais. Para a segurança da sua conta, aguarde 15 minutos antes de tentar novamente.

code-title = Acesso em duas etapas
code-intro = Informe o código de seis dígitos que o seu aplicativo autenticador mostra para o Praxis.
code-button = Continuar
code-wrong = Este código está incorreto ou já foi usado. Informe o código que o aplicativo mostra agora.

two-factor-title = Configurar o acesso em duas etapas
two-factor-intro = Editores e administradores entram com uma segunda etapa. Adicione o Praxis a um aplicativo autenticador (qualquer aplicativo compatível com códigos TOTP) e, em seguida, informe o código que ele mostra.
two-factor-secret-label = A sua chave, para digitar no aplicativo ou abrir como link:
two-factor-button = Ativar o acesso em duas etapas
two-factor-done = O acesso em duas etapas está ativado.

sign-up-title = Criar uma conta
sign-up-intro = Com uma conta, é possível aderir à sua organização, publicar as iniciativas dela, inscrever-se em eventos e assinar chamadas à ação em nome dela.
sign-up-button = Criar conta
sign-up-have-account = Já tem uma conta? Entrar
sign-up-sent-title = Consulte o seu e-mail
sign-up-sent-text = Foi enviada uma mensagem para { $email }. Siga o link que ela contém para confirmar o endereço e, depois, entre.

verify-title = Endereço confirmado
verify-done = Obrigado: o seu endereço de e-mail está confirmado. Já é possível entrar.
verify-failed-title = Este link já não funciona
verify-failed = O link é desconhecido, expirou ou já foi usado.

forgot-title = Redefinir a senha
forgot-intro = Informe o endereço de e-mail da sua conta. Será enviado um link para escolher uma nova senha.
forgot-button = Enviar o link
forgot-sent-title = Consulte o seu e-mail
forgot-sent-text = Se existir uma conta com o endereço { $email }, um link para escolher uma nova senha está a caminho. Ele é válido por uma hora.

reset-title = Escolher uma nova senha
reset-button = Salvar a nova senha
reset-done = A sua nova senha foi salva e todas as sessões anteriores foram encerradas.
reset-failed = O link é desconhecido, expirou ou já foi usado. Peça um novo.

account-title = A sua conta
account-role = Função
account-two-factor = Acesso em duas etapas
account-two-factor-on = ativado
account-two-factor-off = desativado.
account-two-factor-set-up = Configurar
account-organisations = As suas organizações
account-no-organisation = Ainda não é membro de nenhuma organização.
account-sessions = Sessões
sign-out-everywhere = Sair de todas as sessões

role-member = membro
role-editor = editor(a)
role-admin = administrador(a)

membership-pending = pendente de análise editorial
membership-verified = membro verificado
membership-refused = pedido não aceito

join-label = Aderir a uma organização
join-button = Pedir adesão
join-hint = Se o seu endereço de e-mail pertencer a um dos domínios próprios da organização, a adesão é imediata; caso contrário, a equipe editorial analisa o pedido.
join-done = Agora é membro.
join-requested = O seu pedido foi enviado à equipe editorial.

tokens-title = Tokens de API
tokens-intro = Um token permite que um script use a API do Praxis em seu nome. Mantenha-o em segredo e revogue-o quando já não for necessário.
token-label = Rótulo
token-created = Criação
token-state = Estado
token-is-revoked = revogado
token-revoke = Revogar
token-create = Criar um token
token-new = O seu novo token. Copie-o agora: ele não será mostrado novamente.
token-revoked = O token foi revogado.

members-title = Pedidos de adesão
members-none = Nenhum pedido pendente.
members-organisation = Organização
members-requested = Data do pedido
members-decision = Decisão
members-verify = Verificar
members-refuse = Recusar

accounts-title = Contas
accounts-verified = Endereço confirmado
accounts-save = Salvar

mail-verify-subject = Confirme o seu endereço de e-mail no Praxis
mail-verify-body = Olá, { $name },

    Confirme o seu endereço de e-mail abrindo este link:

    { $link }

    O link é válido por três dias. Se não criou uma conta no Praxis, ignore esta mensagem.

    — Praxis
mail-exists-subject = A sua conta no Praxis
mail-exists-body = Olá,

    Alguém tentou criar uma conta no Praxis com este endereço, que já tem uma. Se a tentativa foi sua e esqueceu a senha, escolha uma nova aqui:

    { $link }

    Se não foi, nada foi alterado e pode ignorar esta mensagem.

    — Praxis
mail-reset-subject = Escolha uma nova senha do Praxis
mail-reset-body = Olá, { $name },

    Para escolher uma nova senha, abra este link no prazo de uma hora:

    { $link }

    Se não fez este pedido, ignore esta mensagem: a sua senha continua a mesma.

    — Praxis
mail-membership-verified-subject = É membro de { $organisation } no Praxis
mail-membership-verified-body = Olá, { $name },

    A equipe editorial verificou que é membro de { $organisation }. Agora pode redigir e enviar as iniciativas dessa organização.

    — Praxis
mail-membership-refused-subject = O seu pedido de adesão a { $organisation }
mail-membership-refused-body = Olá, { $name },

    A equipe editorial não conseguiu verificar que é membro de { $organisation }. Se considerar que se trata de um erro, responda à equipe da sua rede.

    — Praxis
organisations-title = Organizações
organisations-intro = Um membro adere imediatamente a uma organização quando o seu endereço de e-mail confirmado pertence a um dos domínios dela; caso contrário, a equipe editorial analisa o pedido.
organisations-kind = Tipo
organisations-domains = Domínios de e-mail (separados por espaços)
organisation-kind-local = governo local
organisation-kind-metropolitan = autoridade metropolitana
organisation-kind-regional = governo regional
organisation-kind-national = governo nacional
organisation-kind-network = rede de governos
organisation-kind-other = outro
error-too-many-title = Pedidos demais
error-too-many-text = Este formulário foi enviado vezes demais a partir da sua rede na última hora. Aguarde e tente novamente mais tarde; nada foi salvo.
error-too-many-searches = A sua rede enviou um número muito grande de pesquisas em pouco tempo. Aguarde um minuto e pesquise de novo, ou inicie sessão: os membros não têm limite.
organisations-search = Procurar uma organização (nome ou domínio de e-mail)
organisations-pages = Páginas de organizações
organisations-previous = Organizações anteriores
organisations-next = Mais organizações
organisations-count = { $count ->
    [one] Uma organização
   *[other] { $count } organizações
}
