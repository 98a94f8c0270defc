//! The controlled vocabularies of DESIGN.md. Ids are stable; labels live in the
//! translation files (`locales/{lang}/vocabulary.ftl`, keys `theme-{id}`, `aim-{id}`, …).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A vocabulary: a closed list of stable ids.
pub trait Vocabulary: Sized + Copy + Eq + Ord + 'static {
    /// The name of the vocabulary as used in URLs, JSON fields and translation keys.
    const NAME: &'static str;
    const ALL: &'static [Self];
    fn id(self) -> &'static str;
    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.id() == id)
    }
    /// The translation key of this value's label, e.g. `theme-housing`.
    fn label_key(self) -> String {
        format!("{}-{}", Self::NAME, self.id())
    }
    /// The ids, comma-separated, for error messages.
    fn expected() -> String {
        Self::ALL.iter().map(|v| v.id()).collect::<Vec<_>>().join(", ")
    }
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $vocab:literal, { $($variant:ident => $id:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl Vocabulary for $name {
            const NAME: &'static str = $vocab;
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.id())
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                Self::from_id(s).ok_or_else(|| {
                    format!("unknown {} {:?}; expected one of: {}", $vocab, s, Self::expected())
                })
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.id())
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($id),+]))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

vocabulary!(
    /// What an initiative is about.
    Theme, "theme", {
    Health => "health",
    SocialCare => "social-care",
    EconomyJobs => "economy-jobs",
    Housing => "housing",
    Mobility => "mobility",
    PublicSpace => "public-space",
    EnvironmentClimate => "environment-climate",
    WaterSanitation => "water-sanitation",
    Food => "food",
    Education => "education",
    CultureSport => "culture-sport",
    DigitalInnovation => "digital-innovation",
    GovernanceParticipation => "governance-participation",
    Communication => "communication",
    SafetyEmergency => "safety-emergency",
    GenderEquality => "gender-equality",
});

vocabulary!(
    /// What kind of community an initiative helps build.
    Aim, "aim", {
    Green => "green",
    Inclusive => "inclusive",
    Prosperous => "prosperous",
    Resilient => "resilient",
    Safe => "safe",
});

vocabulary!(
    /// What sort of instrument an initiative is.
    Kind, "kind", {
    Plan => "plan",
    Strategy => "strategy",
    Policy => "policy",
    Program => "program",
    Project => "project",
    Regulation => "regulation",
    Service => "service",
    Campaign => "campaign",
    Tool => "tool",
    Partnership => "partnership",
});

vocabulary!(
    /// The level of government that carries an initiative.
    Level, "level", {
    Local => "local",
    Metropolitan => "metropolitan",
    Regional => "regional",
    National => "national",
    International => "international",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for t in Theme::ALL {
            assert_eq!(Theme::from_id(t.id()), Some(*t));
        }
        assert_eq!(Theme::ALL.len(), 16);
        assert_eq!(Aim::ALL.len(), 5);
        assert_eq!(Kind::ALL.len(), 10);
        assert_eq!(Level::ALL.len(), 5);
        assert_eq!(Theme::SocialCare.label_key(), "theme-social-care");
        assert!("nonsense".parse::<Kind>().unwrap_err().contains("plan, strategy"));
    }
}
