## Erros que a aplicação devolve como páginas
error-conflict-title = Isto mudou entretanto
error-conflict-text = Outra pessoa alterou isto enquanto você trabalhava nele. Recarregue a página para ver a versão atual e tente de novo; nada foi salvo.
error-invalid-title = Algo na solicitação não está certo
error-invalid-text = Parte do que foi enviado não pode ser aceita. Volte, verifique o formulário e tente de novo; nada foi salvo.
error-internal-title = Algo deu errado do nosso lado
error-internal-text = Não conseguimos concluir. Tente de novo em instantes; se continuar acontecendo, avise a equipe da rede.
error-reason_required = Diga o motivo, para quem escreveu: devolver ou despublicar exige um motivo.
error-unknown_reason = Escolha um dos motivos oferecidos.
error-unknown_initiatives = Isto não corresponde a nenhuma iniciativa publicada: { $ids }
error-invalid_kind = Escolha um dos tipos oferecidos.
error-id_taken = Este identificador já está em uso; escolha outro.
error-out_of_range = Este valor está fora do que é aceito.
