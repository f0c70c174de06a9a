//! Every closed set has one stable spelling per value, shared by `as_str`, `Display`,
//! `FromStr` (any ASCII case, surrounding spaces ignored) and serde, and distinct values have
//! distinct spellings of letters, digits and hyphens (kebab-case, or an ISO code).

use china_singapore::load::DiagnosticKind;
use china_singapore::model::*;

fn check<T>(set: &str, all: &[T])
where
    T: Copy + PartialEq + core::fmt::Debug + core::fmt::Display + core::str::FromStr + serde::Serialize,
    T: serde::de::DeserializeOwned,
    T: ClosedSet,
{
    assert!(!all.is_empty(), "{set} has no values");
    let mut seen = std::collections::HashSet::new();
    for &v in all {
        let s = v.spelling();
        assert!(seen.insert(s), "{set}: {s} spelled twice");
        assert!(!s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'), "{set}: {s}");
        assert_eq!(v.to_string(), s, "{set}");
        assert!(matches!(s.parse::<T>(), Ok(p) if p == v), "{set}: {s}");
        assert!(matches!(format!(" {} ", s.to_ascii_uppercase()).parse::<T>(), Ok(p) if p == v), "{set}: {s}");
        assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{s}\""), "{set}");
        assert_eq!(serde_json::from_str::<T>(&format!("\"{s}\"")).unwrap(), v, "{set}");
    }
    assert!("no-such-value".parse::<T>().is_err(), "{set}");
}

trait ClosedSet {
    fn spelling(self) -> &'static str;
}

macro_rules! closed_sets {
    ($($t:ty),+ $(,)?) => {
        $(impl ClosedSet for $t {
            fn spelling(self) -> &'static str {
                self.as_str()
            }
        })+

        #[test]
        fn every_closed_set_has_one_spelling_per_value_everywhere() {
            $(check::<$t>(stringify!($t), <$t>::ALL);)+
        }
    };
}

closed_sets!(
    AgreementKind,
    AgreementRole,
    AliasKind,
    AmountKind,
    Attribution,
    Basis,
    CooperationLevel,
    CountUnit,
    Country,
    Currency,
    DiagnosticKind,
    EventKind,
    FigureStatus,
    ForumKind,
    ForumRole,
    Kind,
    NameSource,
    OrganizationKind,
    ParentRelation,
    PeriodUnit,
    PlaceKind,
    Precision,
    ProjectKind,
    ProjectRelationKind,
    ProjectRole,
    ProjectStatus,
    Qualifier,
    Recurrence,
    Relation,
    Relative,
    Sector,
    SpeakerRole,
    TextKind,
    TitleStatus,
);
