//! Errors of the printed documents; core errors pass through with their codes.

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Core(#[from] gardesh_core::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
