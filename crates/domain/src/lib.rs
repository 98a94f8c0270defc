//! The Praxis domain: the product's types, vocabularies and validation rules.
//!
//! Nothing here performs I/O. The web forms, the JSON API and the importer all validate
//! through [`initiative::InitiativeRecord::validate`] so that they agree on what is valid.

pub mod account;
pub mod call;
pub mod country;
pub mod event;
pub mod gazetteer;
pub mod initiative;
pub mod lang;
pub mod place;
pub mod stamp;
pub mod text;
pub mod vocab;

pub use account::Role;
pub use call::{
    CallRecord, CallStatus, CallsFile, SignatoryType, SignatureInput, SignatureRequest, WorkingPoint,
};
pub use event::{EventRecord, Format, RegistrationForm, Speaker};
pub use initiative::{FieldError, InitiativeRecord, Link, Multilingual, Status};
pub use lang::Lang;
pub use place::{Place, PlaceKind};
pub use vocab::{Aim, Kind, Level, Theme, Vocabulary};
