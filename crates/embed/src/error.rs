use std::path::PathBuf;

/// Why a model or tokenizer could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    /// The model file or folder (or a file it needs) does not exist.
    #[error("not found: {0}")]
    NotFound(PathBuf),
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The bytes are not what the format promises (bad magic, truncated, inconsistent sizes).
    #[error("invalid model data: {0}")]
    Format(String),
    #[error("missing tensor `{0}`")]
    MissingTensor(String),
    /// Well-formed input that asks for something this crate does not implement.
    #[error("unsupported: {0}")]
    Unsupported(String),
}

impl EmbedError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        let path = path.into();
        if source.kind() == std::io::ErrorKind::NotFound {
            EmbedError::NotFound(path)
        } else {
            EmbedError::Io { path, source }
        }
    }

    pub(crate) fn format(msg: impl Into<String>) -> Self {
        EmbedError::Format(msg.into())
    }
}

pub type Result<T> = std::result::Result<T, EmbedError>;
